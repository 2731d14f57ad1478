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
 * A contact written through the API, with what its answer shows besides the record: the
 * warnings of its values, worked out in the write's transaction, where the settings and
 * the phone numbers they need are read already; and the duplicates autosearch finds,
 * searched for after the commit, so that neither the contact nor a gapless number series
 * stays locked while they are. Worked out after the commit, the warnings and the question
 * whether autosearch is on took a transaction of their own.
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

	// The duplicates autosearch finds for a saved contact; null when it looks for none.
	@Nullable List<DuplicateSearch.Duplicate> duplicates(Saved saved) {
		return saved.searchDuplicates() ? duplicates.of(saved.contact().text("no"), false) : null;
	}

	private Saved saved(Row contact) {
		return new Saved(contact, checks.withWarnings(contacts.json(contact), contact),
				duplicates.searchesOnSave(contact));
	}

	// A contact as saved, its answer with its warnings, and whether autosearch looks for
	// its duplicates.
	record Saved(Row contact, JsonNode json, boolean searchDuplicates) {
	}

}
