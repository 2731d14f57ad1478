package io.contactsync.purchasing;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A vendor was created, in this transaction: a vendor with its number, every field given
 * and version 1.
 */
public record VendorCreated(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "vendor.created";
	}

}
