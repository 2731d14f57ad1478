package io.contactsync.customer;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A customer was created, in this transaction: a customer with its number, every field
 * given and version 1.
 */
public record CustomerCreated(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "customer.created";
	}

}
