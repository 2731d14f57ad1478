package io.contactsync.contact;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A contact (a company or a person) was changed, in this transaction: only the fields
 * whose values really changed, old and new, and the version after the change. A change
 * the sync carried here names its cause.
 */
public record ContactChanged(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "contact.changed";
	}

}
