package io.contactsync.contact;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A contact (a company or a person) was deleted, in this transaction: the fields it had,
 * and its last version.
 */
public record ContactDeleted(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "contact.deleted";
	}

}
