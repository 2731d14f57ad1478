package io.contactsync.customer;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A customer was deleted, in this transaction: the fields it had, and its last version.
 */
public record CustomerDeleted(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "customer.deleted";
	}

}
