package io.contactsync.document;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A document (quote, order, blanket order or service order) was deleted, in this
 * transaction, with its last version. Keyed {@code KIND/no}, e.g.
 * {@code SALES_QUOTE/SQ000001}.
 */
public record DocumentDeleted(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "document.deleted";
	}

}
