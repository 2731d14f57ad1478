package io.contactsync.relation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.contactsync.contact.ContactMerging;
import io.contactsync.contact.ContactUnmerging;
import io.contactsync.contact.MergeLedger;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Customers and vendors merged along with their contacts (docs/merge.md, "Merged as
 * records too"). The record whose link goes is not deleted: everything that names it
 * moves to the record whose link stays (the modules holding references answer
 * {@link LinkedRecordMerging}), and it is blocked ({@code blocked = ALL}) with
 * {@code mergedInto} naming where it went, so that nobody sells to or buys from it by
 * mistake and its number, change log and ids in other systems stay. Called by
 * {@link MergedRelations}, which decides the links, in the order undo needs.
 */
@Component
class MergedRecords {

	/** The value of {@code blocked} that stops every use of a customer or vendor. */
	private static final String BLOCKED = "ALL";

	private final LinkedRecords records;

	private final ApplicationEventPublisher events;

	MergedRecords(LinkedRecords records, ApplicationEventPublisher events) {
		this.records = records;
		this.events = events;
	}

	/**
	 * Merges {@code goneNo} into {@code intoNo}, after its link has been removed in this
	 * transaction (which raised its version: this change stays in that version).
	 */
	void merge(ContactMerging merging, LinkedRecordType type, String goneNo, String intoNo, String contactNo) {
		LinkedRecordService service = records.of(type);
		Row gone = service.get(goneNo);
		Map<String, @Nullable String> before = new LinkedHashMap<>();
		before.put("blocked", gone.text("blocked"));
		before.put("mergedInto", gone.text("mergedInto"));
		before.put("into", intoNo);
		events.publishEvent(new LinkedRecordMerging(type, goneNo, intoNo, contactNo, merging.rehearsal(),
				merging.ledger(), merging.by()));
		if (merging.rehearsal()) {
			merging.ledger().moved(MergeLedger.RECORD_MERGED, type.name() + "/" + goneNo, contactNo, null, before);
			return;
		}
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		changes.put("blocked", BLOCKED);
		changes.put("mergedInto", intoNo);
		service.apply(goneNo, changes, merging.by());
		merging.ledger()
			.moved(MergeLedger.RECORD_MERGED, type.name() + "/" + goneNo, contactNo, service.get(goneNo).version(),
					before);
	}

	/**
	 * The versions of the merged records now, before undo touches them (putting their
	 * links back raises them).
	 */
	Map<String, Long> versions(ContactUnmerging unmerging) {
		Map<String, Long> versions = new LinkedHashMap<>();
		for (MergeLedger.Move move : unmerging.of(MergeLedger.RECORD_MERGED)) {
			String[] key = move.key().split("/", 2);
			records.of(LinkedRecordType.valueOf(key[0]))
				.find(key[1])
				.ifPresent(record -> versions.put(move.key(), record.version()));
		}
		return versions;
	}

	/**
	 * Unblocks the merged records that nothing has changed since the merge, as they were;
	 * a record changed since stays merged and is listed.
	 */
	void unmerge(ContactUnmerging unmerging, Map<String, Long> versionsBefore) {
		List<MergeLedger.Move> moves = unmerging.of(MergeLedger.RECORD_MERGED);
		for (MergeLedger.Move move : moves) {
			String[] key = move.key().split("/", 2);
			if (!Objects.equals(versionsBefore.get(move.key()), move.versionAfter())) {
				unmerging.ledger()
					.notRestored(MergeLedger.RECORD_MERGED, move.key(),
							versionsBefore.containsKey(move.key()) ? "CHANGED" : "GONE");
				continue;
			}
			Map<String, @Nullable Object> changes = new LinkedHashMap<>();
			changes.put("blocked", move.before().get("blocked"));
			changes.put("mergedInto", move.before().get("mergedInto"));
			records.of(LinkedRecordType.valueOf(key[0])).apply(key[1], changes, unmerging.by());
		}
	}

}
