package io.contactsync.contact;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A person's role at another company changed or ended (its {@code endingDate}), or moved
 * with a merge of contacts, in this transaction. Keyed by the person; the diff has
 * {@code roles.<id>.<field>}.
 */
public record ContactRoleChanged(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "contact.role-changed";
	}

}
