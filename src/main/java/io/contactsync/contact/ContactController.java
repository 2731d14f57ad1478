package io.contactsync.contact;

import java.net.URI;
import java.util.Map;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

	private final Contacts contacts;

	private final TableStore store;

	ContactController(Contacts contacts, TableStore store) {
		this.contacts = contacts;
		this.store = store;
	}

	@GetMapping
	Map<String, @Nullable Object> list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String companyNo,
			@RequestParam(required = false) @Nullable String businessRelation,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		Page<JsonNode> page = contacts.list(type, companyNo, businessRelation, q, limit, cursor).map(this::json);
		return page.asMap();
	}

	@GetMapping("/{no}")
	ResponseEntity<JsonNode> get(@PathVariable String no) {
		return answer(contacts.get(no));
	}

	@PostMapping
	ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
		Row contact = contacts.create(body);
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.text("no")))
			.eTag(ExpectedVersion.etag(contact.version()))
			.body(json(contact));
	}

	@PatchMapping(path = "/{no}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<JsonNode> patch(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode patch) {
		return answer(contacts.patch(no, ExpectedVersion.required(ifMatch), patch));
	}

	@DeleteMapping("/{no}")
	ResponseEntity<Void> delete(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		contacts.delete(no, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<JsonNode> answer(Row contact) {
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(contact.version())).body(json(contact));
	}

	/** A company is its own company inside; the API shows that as no company. */
	private JsonNode json(Row contact) {
		ObjectNode json = store.toJson(contacts.table(), contact);
		if ("COMPANY".equals(contact.text("type"))) {
			json.putNull("companyNo");
			json.put("companyName", "");
		}
		return json;
	}

}
