package io.contactsync.contact;

import java.util.List;

import io.contactsync.platform.Actor;

/**
 * A merge is being undone, in this transaction: the merged contacts are back, and each
 * module puts back what it moved ({@code moves}, the kinds it wrote), where nothing has
 * changed it since, and writes in the ledger what it could not (docs/merge.md).
 */
public record ContactUnmerging(String survivorNo, List<MergeLedger.Move> moves, MergeLedger ledger, Actor by) {

	/** The moves of one kind. */
	public List<MergeLedger.Move> of(String kind) {
		return moves.stream().filter(move -> move.kind().equals(kind)).toList();
	}

}
