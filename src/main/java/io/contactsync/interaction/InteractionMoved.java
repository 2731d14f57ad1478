package io.contactsync.interaction;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * An entry of the interaction log moved to another contact, in this transaction: its
 * contact was merged into another, or the merge was undone (docs/merge.md). Keyed by its
 * entry number; the diff has {@code contactNo} and {@code contactCompanyNo}.
 */
public record InteractionMoved(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "interaction.moved";
	}

}
