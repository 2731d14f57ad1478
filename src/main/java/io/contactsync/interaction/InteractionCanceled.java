package io.contactsync.interaction;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * An entry of the interaction log was canceled, in this transaction: it stays in the log,
 * marked as canceled. Keyed by its entry number.
 */
public record InteractionCanceled(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "interaction.canceled";
	}

}
