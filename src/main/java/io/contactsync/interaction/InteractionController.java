package io.contactsync.interaction;

import java.net.URI;
import java.util.List;

import io.contactsync.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InteractionController {

	private final InteractionLog log;

	private final ContactEmails emails;

	private final MailOut mail;

	InteractionController(InteractionLog log, ContactEmails emails, MailOut mail) {
		this.log = log;
		this.emails = emails;
		this.mail = mail;
	}

	@Operation(operationId = "listInteractionsOfContact")
	@GetMapping("/api/v1/contacts/{no}/interactions")
	List<InteractionLogEntry> ofContact(@PathVariable String no) {
		return log.ofContact(no);
	}

	@Operation(operationId = "logInteraction",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "InteractionLogEntry"))))
	@PostMapping("/api/v1/contacts/{no}/interactions")
	ResponseEntity<InteractionLogEntry> logByHand(@PathVariable String no,
			@RequestBody InteractionLog.Request request) {
		InteractionLogEntry entry = log.logByHand(no, request);
		return ResponseEntity.created(URI.create("/api/v1/interaction-log-entries/" + entry.entryNo())).body(entry);
	}

	@Operation(operationId = "emailContact", responses = @ApiResponse(responseCode = "202", description = "Accepted"))
	@PostMapping("/api/v1/contacts/{no}/emails")
	ResponseEntity<Void> email(@PathVariable String no, @RequestBody ContactEmails.Email email) {
		emails.send(no, email);
		return ResponseEntity.accepted().build();
	}

	@Operation(operationId = "listInteractionLogEntries")
	@GetMapping("/api/v1/interaction-log-entries")
	Page<InteractionLogEntry> list(@RequestParam(required = false) @Nullable String contactNo,
			@RequestParam(required = false) @Nullable String documentType,
			@RequestParam(required = false) @Nullable String documentNo,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return log.list(contactNo, documentType, documentNo, limit, cursor);
	}

	@Operation(operationId = "getInteractionLogEntry")
	@GetMapping("/api/v1/interaction-log-entries/{entryNo}")
	InteractionLogEntry get(@PathVariable long entryNo) {
		return log.get(entryNo);
	}

	@Operation(operationId = "cancelInteractionLogEntry")
	@PostMapping("/api/v1/interaction-log-entries/{entryNo}/cancel")
	InteractionLogEntry cancel(@PathVariable long entryNo) {
		return log.cancel(entryNo);
	}

	@Operation(operationId = "listOutbox")
	@GetMapping("/api/v1/outbox")
	Page<MailOut.Message> outbox(@RequestParam(required = false) @Nullable Integer limit) {
		return new Page<>(mail.messages(Page.limit(limit)), null);
	}

}
