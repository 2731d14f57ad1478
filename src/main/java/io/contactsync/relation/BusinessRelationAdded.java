package io.contactsync.relation;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A contact got a business relation, in this transaction; where the relation links a
 * customer, vendor or bank account, the diff names it ({@code linkToTable},
 * {@code linkedNo}). Keyed {@code contactNo/businessRelationCode}.
 */
public record BusinessRelationAdded(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "business-relation.added";
	}

}
