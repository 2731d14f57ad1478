package io.contactsync.contact;

import io.contactsync.setup.ContactType;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.table.RecordController;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
class ContactController extends RecordController {

	private final Contacts contacts;

	private final DuplicateSearch duplicates;

	ContactController(Contacts contacts, TableStore store, DuplicateSearch duplicates) {
		super(contacts, store);
		this.contacts = contacts;
		this.duplicates = duplicates;
	}

	/**
	 * With autosearch on, a saved company answers with the duplicates found; it is saved
	 * all the same.
	 */
	@Override
	protected JsonNode written(Row contact) {
		ObjectNode json = (ObjectNode) json(contact);
		List<DuplicateSearch.Duplicate> found = duplicates.autosearch(contact);
		if (found != null) {
			ArrayNode list = json.putArray("duplicates");
			found.forEach(duplicate -> list.addObject()
				.put("contactNo", duplicate.contactNo())
				.put("duplicateContactNo", duplicate.duplicateContactNo())
				.put("matchingStrings", duplicate.matchingStrings())
				.put("separateContacts", duplicate.separateContacts()));
		}
		return json;
	}

	@GetMapping
	Map<String, @Nullable Object> list(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String companyNo,
			@RequestParam(required = false) @Nullable String businessRelation,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return contacts.list(type, companyNo, businessRelation, q, limit, cursor).map(this::json).asMap();
	}

	/** A company is its own company inside; the API shows that as no company. */
	@Override
	protected JsonNode json(Row contact) {
		ObjectNode json = (ObjectNode) super.json(contact);
		if (ContactType.COMPANY.is(contact.text("type"))) {
			json.putNull("companyNo");
			json.put("companyName", "");
		}
		return json;
	}

}
