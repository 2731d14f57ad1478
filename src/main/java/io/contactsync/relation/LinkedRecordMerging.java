package io.contactsync.relation;

import io.contactsync.contact.MergeLedger;
import io.contactsync.platform.Actor;
import io.contactsync.setup.LinkedRecordType;

/**
 * Part of a merge of contacts that merges their linked records too (docs/merge.md,
 * "Merged as records too"): the record {@code goneNo}, whose link the merge removes, is
 * merged into {@code intoNo}, the record of the same type whose link stays. Whoever holds
 * references to the gone record moves them to the other now, one version up, naming the
 * merge as the cause ({@code by}), and writes each in the ledger; in a rehearsal (the
 * preview) it only writes there what it would move. The gone record itself stays,
 * blocked, naming where it went.
 *
 * @param from the contact whose link to the gone record the merge removes
 */
public record LinkedRecordMerging(LinkedRecordType type, String goneNo, String intoNo, String from, boolean rehearsal,
		MergeLedger ledger, Actor by) {

}
