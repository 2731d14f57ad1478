package io.contactsync.contact;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A contact was merged into another, in this transaction, and is gone: published instead
 * of its deletion. The diff names the survivor ({@code mergedInto}) first, then the
 * fields the contact had; the version is its last. Its number stays known
 * (docs/merge.md).
 */
public record ContactMerged(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "contact.merged";
	}

}
