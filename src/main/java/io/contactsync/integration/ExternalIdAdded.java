package io.contactsync.integration;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A record was coupled with its key in another system ({@code externalIds.crm} in the
 * diff): logged, and in the change feed, like any change to the record.
 */
public record ExternalIdAdded(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "external-id.added";
	}

}
