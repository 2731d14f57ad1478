package io.contactsync.contact;

import io.contactsync.setup.DataChecks;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.table.RecordResponses;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableResource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
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

/**
 * Contacts: list (by type, company, business relation, search), read, create, change by
 * merge patch with {@code If-Match}, delete (a company with its people).
 */
@RestController
@RequestMapping(ContactController.PATH)
class ContactController implements TableResource {

	static final String PATH = "/api/v1/contacts";

	private final Contacts contacts;

	private final ContactWrites writes;

	private final DataChecks checks;

	ContactController(Contacts contacts, ContactWrites writes, DataChecks checks) {
		this.contacts = contacts;
		this.writes = writes;
		this.checks = checks;
	}

	// JSON by name: a client that accepts JSON and a vCard alike gets JSON.
	@GetMapping(path = "/{no}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> get(@PathVariable String no) {
		Row contact = contacts.get(no);
		return RecordResponses.ok(contact, checks.withWarnings(json(contact), contact));
	}

	@PostMapping
	ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
		ContactWrites.Saved saved = writes.create(body);
		return RecordResponses.created(this, saved.contact(), answer(saved));
	}

	@PatchMapping(path = "/{no}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<JsonNode> patch(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode patch) {
		ContactWrites.Saved saved = writes.patch(no, ExpectedVersion.required(ifMatch), patch);
		return RecordResponses.ok(saved.contact(), answer(saved));
	}

	@DeleteMapping("/{no}")
	ResponseEntity<Void> delete(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		contacts.delete(no, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	@Override
	public Table table() {
		return contacts.table();
	}

	@Override
	public String path() {
		return PATH;
	}

	/**
	 * With autosearch on, a saved company answers with the duplicates found; it is saved
	 * all the same. Values that fail a data check set to warn are in its warnings.
	 */
	private JsonNode answer(ContactWrites.Saved saved) {
		ObjectNode json = (ObjectNode) saved.json();
		List<DuplicateSearch.Duplicate> found = writes.duplicates(saved);
		if (found != null) {
			ArrayNode list = json.putArray("duplicates");
			found.forEach(duplicate -> {
				ObjectNode one = list.addObject()
					.put("contactNo", duplicate.contactNo())
					.put("duplicateContactNo", duplicate.duplicateContactNo())
					.put("matchingStrings", duplicate.matchingStrings())
					.put("separateContacts", duplicate.separateContacts())
					.put("searchStrings", duplicate.searchStrings())
					.put("sharePercent", duplicate.sharePercent());
				ArrayNode matches = one.putArray("matches");
				duplicate.matches()
					.forEach(string -> matches.addObject()
						.put("field", string.field())
						.put("part", string.part())
						.put("value", string.value()));
			});
		}
		return json;
	}

	// JSON by name: the exchange module answers this path with files by Accept, and a
	// client that accepts JSON among other types gets JSON.
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, @Nullable Object> list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String companyNo,
			@RequestParam(required = false, defaultValue = "false") boolean includeRoles,
			@RequestParam(required = false) @Nullable String businessRelation,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return contacts.list(type, companyNo, includeRoles, businessRelation, q, limit, cursor).map(this::json).asMap();
	}

	private JsonNode json(Row contact) {
		return contacts.json(contact);
	}

}
