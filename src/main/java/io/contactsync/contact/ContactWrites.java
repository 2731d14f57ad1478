package io.contactsync.contact;

import java.util.List;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.DataChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact written through the API, with what its answer shows besides the record (the
 * warnings of its values, the duplicates autosearch finds), in the write's own
 * transaction. Worked out after the commit, the answer took a transaction of its own and
 * read the settings and the phone numbers again, a tenth of what a change of one field
 * costs. The duplicates are searched for while the contact stays locked, which keeps
 * another change of it waiting that much longer when autosearch is on.
 */
@Service
class ContactWrites {

	private final Contacts contacts;

	private final DuplicateSearch duplicates;

	private final DataChecks checks;

	ContactWrites(Contacts contacts, DuplicateSearch duplicates, DataChecks checks) {
		this.contacts = contacts;
		this.duplicates = duplicates;
		this.checks = checks;
	}

	@Transactional
	Saved create(JsonNode body) {
		return saved(contacts.create(body));
	}

	@Transactional
	Saved patch(String no, ExpectedVersion expected, JsonNode patch) {
		return saved(contacts.patch(no, expected, patch));
	}

	private Saved saved(Row contact) {
		return new Saved(contact, checks.withWarnings(contacts.json(contact), contact), duplicates.autosearch(contact));
	}

	/**
	 * A contact as saved, its answer with its warnings, and the duplicates found (null
	 * when autosearch is off).
	 */
	record Saved(Row contact, JsonNode json, @Nullable List<DuplicateSearch.Duplicate> duplicates) {
	}

}
