package io.contactsync.document;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A document (quote, order, blanket order or service order) was changed, in this
 * transaction: by its own edit, or given its customer or vendor when its contact was
 * linked; with the version after the change. Keyed {@code KIND/no}, e.g.
 * {@code SALES_QUOTE/SQ000001}.
 */
public record DocumentChanged(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "document.changed";
	}

}
