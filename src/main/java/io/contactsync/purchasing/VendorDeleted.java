package io.contactsync.purchasing;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A vendor was deleted, in this transaction: the fields it had, and its last version.
 */
public record VendorDeleted(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "vendor.deleted";
	}

}
