package io.contactsync.contact;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactsync.platform.Actor;
import io.contactsync.platform.table.Row;

/**
 * Contacts are about to be merged into one, in this transaction: whoever holds references
 * to the merged contacts moves them to the survivor now, and writes what it moved in the
 * ledger; in a rehearsal (the preview, and the check before the merge) it only writes
 * there what it would move and what stands in the way (docs/merge.md).
 *
 * @param survivor the contact that stays, with its values after the merge
 * @param merged the contacts that go, as they are
 * @param keepLinks by link type (CUSTOMER, VENDOR, BANK_ACCOUNT), the record whose link
 * stays where the contacts are linked to different ones; the others are unlinked, and
 * both records stay
 * @param mergeRecords the link types whose other records are merged into the kept one
 * (its documents move to it, it is blocked and names where it went) instead of only being
 * unlinked
 * @param by who merges, naming the merge as the cause of what it moves
 */
public record ContactMerging(Row survivor, List<Row> merged, Map<String, String> keepLinks, Set<String> mergeRecords,
		boolean rehearsal, MergeLedger ledger, Actor by) {

	public String survivorNo() {
		return survivor.text("no");
	}

	/**
	 * A rehearsal that asks only for the conflicts (the check before the merge itself):
	 * whoever only moves references has nothing to do.
	 */
	public boolean conflictsOnly() {
		return rehearsal && !ledger.listsMoves();
	}

}
