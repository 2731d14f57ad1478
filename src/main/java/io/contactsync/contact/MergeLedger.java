package io.contactsync.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a merge moves from the merged contacts to the survivor, and what stands in its
 * way: filled in by each module that holds references to contacts, as it answers
 * {@link ContactMerging}; and, when the merge is undone, what could not go back.
 */
public final class MergeLedger {

	/** The kinds of record a merge moves (docs/merge.md, "What moves"). */
	public static final String PERSON = "PERSON", BUSINESS_RELATION = "BUSINESS_RELATION",
			BUSINESS_RELATION_DROPPED = "BUSINESS_RELATION_DROPPED", LINK_REMOVED = "LINK_REMOVED",
			DOCUMENT = "DOCUMENT", INTERACTION = "INTERACTION", DUPLICATE_MARK = "DUPLICATE_MARK",
			PRIMARY_CONTACT = "PRIMARY_CONTACT", ROLE = "ROLE", RECORD_MERGED = "RECORD_MERGED",
			DOCUMENT_PARTY = "DOCUMENT_PARTY";

	/**
	 * One record moved (or, in a rehearsal, to be moved).
	 *
	 * @param kind what it is: {@link #PERSON}, {@link #DOCUMENT}, ...
	 * @param key its key: a number, {@code KIND/no} of a document, a relation's code
	 * @param from the contact it was moved from
	 * @param versionAfter its version after the move; null where it has none, or in a
	 * rehearsal
	 * @param before what the move changed, as it was: what undo puts back
	 */
	@Schema(name = "MergeMove")
	public record Move(String kind, String key, String from, @Nullable Long versionAfter,
			Map<String, @Nullable String> before) {
	}

	/**
	 * What stops the merge: two contacts linked to different records of one type, or a
	 * link that cannot live on the survivor.
	 *
	 * @param kind LINK (different records of the type) or LINK_NOT_MOVABLE
	 * @param linkToTable CUSTOMER, VENDOR or BANK_ACCOUNT
	 * @param links each contact's linked record: contact number to record number
	 */
	@Schema(name = "MergeConflictingLinks")
	public record Conflict(String kind, String linkToTable, Map<String, String> links) {
	}

	/** What undo could not put back, and why (CHANGED, GONE, TAKEN). */
	@Schema(name = "MergeNotRestored")
	public record NotRestored(String kind, String key, String reason) {
	}

	private final List<Move> moves = new ArrayList<>();

	private final boolean listsMoves;

	public MergeLedger() {
		this(true);
	}

	private MergeLedger(boolean listsMoves) {
		this.listsMoves = listsMoves;
	}

	/**
	 * The ledger of the check before a merge, which asks only what stands in the way: the
	 * merge itself lists what it moves, so the check does not read it all twice.
	 */
	static MergeLedger conflictsOnly() {
		return new MergeLedger(false);
	}

	/**
	 * Whether what would move is wanted; a rehearsal with a ledger that does not want it
	 * only looks for conflicts.
	 */
	public boolean listsMoves() {
		return listsMoves;
	}

	private final List<Conflict> conflicts = new ArrayList<>();

	private final List<NotRestored> notRestored = new ArrayList<>();

	public void moved(String kind, String key, String from, @Nullable Long versionAfter,
			Map<String, @Nullable String> before) {
		if (listsMoves) {
			moves.add(new Move(kind, key, from, versionAfter, before));
		}
	}

	public void conflict(Conflict conflict) {
		conflicts.add(conflict);
	}

	public void notRestored(String kind, String key, String reason) {
		notRestored.add(new NotRestored(kind, key, reason));
	}

	List<Move> moves() {
		return List.copyOf(moves);
	}

	List<Conflict> conflicts() {
		return List.copyOf(conflicts);
	}

	List<NotRestored> notRestored() {
		return List.copyOf(notRestored);
	}

}
