package io.contactsync.contact;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A merged contact is back under its number, as it was, because its merge was undone:
 * every field it has, at the version after its last (docs/merge.md).
 */
public record ContactUnmerged(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "contact.unmerged";
	}

}
