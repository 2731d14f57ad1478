package io.contactsync.relation;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A contact lost a business relation, in this transaction, and with it the link the
 * relation made, if any; both records stay. Keyed {@code contactNo/businessRelationCode}.
 */
public record BusinessRelationRemoved(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "business-relation.removed";
	}

}
