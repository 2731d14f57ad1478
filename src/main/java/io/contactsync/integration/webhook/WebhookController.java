package io.contactsync.integration.webhook;

import java.net.URI;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/webhooks}, for administrators (docs/webhooks.md). */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Operation(operationId = "listWebhooks")
	@GetMapping
	Page<Webhook> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return webhooks.list(limit, cursor);
	}

	/** The answer holds the signing secret; it is never shown again. */
	@Operation(operationId = "createWebhook",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "Webhook"))))
	@PostMapping
	ResponseEntity<Webhook> create(@RequestBody WebhookRequest request) {
		Webhook created = webhooks.create(request);
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id()))
			.eTag(ExpectedVersion.etag(created.version()))
			.body(created);
	}

	@Operation(operationId = "getWebhook")
	@GetMapping("/{id}")
	ResponseEntity<Webhook> get(@PathVariable long id) {
		return answer(webhooks.get(id));
	}

	@Operation(operationId = "patchWebhook")
	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<Webhook> patch(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = WebhookRequest.class))) @RequestBody JsonNode patch) {
		return answer(webhooks.patch(id, ExpectedVersion.required(ifMatch), patch));
	}

	@Operation(operationId = "deleteWebhook", responses = @ApiResponse(responseCode = "204", description = "Deleted"))
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		webhooks.delete(id, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "listWebhookDeliveries")
	@GetMapping("/{id}/deliveries")
	Page<Delivery> deliveries(@PathVariable long id, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return webhooks.deliveries(id, limit, cursor);
	}

	/**
	 * Sends the event of a logged attempt once more, now; answers with the new attempt.
	 */
	@Operation(operationId = "redeliverWebhookDelivery")
	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	Delivery redeliver(@PathVariable long id, @PathVariable long deliveryId) {
		return webhooks.redeliver(id, deliveryId);
	}

	/**
	 * What a replay takes: the change-feed position after which delivery starts again.
	 */
	@Schema(name = "WebhookReplay")
	record Replay(@Nullable Long after) {
	}

	@Operation(operationId = "replayWebhook")
	@PostMapping("/{id}/replay")
	ResponseEntity<Webhook> replay(@PathVariable long id, @RequestBody Replay replay) {
		return answer(webhooks.replay(id, replay.after()));
	}

	private static ResponseEntity<Webhook> answer(Webhook webhook) {
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(webhook.version())).body(webhook);
	}

}
