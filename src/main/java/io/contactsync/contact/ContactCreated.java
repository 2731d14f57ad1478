package io.contactsync.contact;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A contact (a company or a person) was created, in this transaction: a contact (a
 * company or a person) with its number, every field given and version 1.
 */
public record ContactCreated(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "contact.created";
	}

}
