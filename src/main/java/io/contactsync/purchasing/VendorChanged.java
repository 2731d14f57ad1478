package io.contactsync.purchasing;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A vendor was changed, in this transaction: only the fields whose values really changed,
 * old and new, and the version after the change. A change the sync carried here names its
 * cause.
 */
public record VendorChanged(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "vendor.changed";
	}

}
