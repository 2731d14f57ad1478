package io.contactsync.contact;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A person got a role at another company, in this transaction. Keyed by the person; the
 * diff has {@code roles.<id>.companyNo} and the role's other fields.
 */
public record ContactRoleAdded(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "contact.role-added";
	}

}
