package io.contactsync.document;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A document (quote, order, blanket order or service order) was created, in this
 * transaction (by hand, or as an order made from a quote), with version 1. Keyed
 * {@code KIND/no}, e.g. {@code SALES_QUOTE/SQ000001}.
 */
public record DocumentCreated(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "document.created";
	}

}
