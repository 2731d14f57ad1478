package io.contactsync.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.contact.ContactMerging;
import io.contactsync.contact.ContactUnmerging;
import io.contactsync.contact.MergeLedger;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.RowVersions;
import io.contactsync.platform.table.Row;
import io.contactsync.relation.LinkedRecordMerging;
import io.contactsync.setup.LinkedRecordType;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Documents through a merge of contacts (docs/merge.md): every document of a merged
 * contact, open or not, names the survivor, one version up; its customer or vendor stays
 * as it is. Where the merge merges the linked customers or vendors too, every document of
 * the gone record names the kept one. Undo names the merged contact (and record) again
 * where the document is still at that version.
 */
@Component
class MergedDocuments {

	private final JdbcClient jdbc;

	private final DocumentEvents events;

	MergedDocuments(JdbcClient jdbc, DocumentEvents events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void on(ContactMerging merging) {
		if (merging.conflictsOnly()) {
			return;
		}
		String survivorNo = merging.survivorNo();
		for (Row merged : merging.merged()) {
			String mergedNo = merged.text("no");
			if (merging.rehearsal()) {
				jdbc.sql("SELECT kind, no FROM document WHERE contact_no = ? ORDER BY kind, no")
					.param(mergedNo)
					.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
					.list()
					.forEach(key -> merging.ledger()
						.moved(MergeLedger.DOCUMENT, key, mergedNo, null, Map.of("contactNo", mergedNo)));
				continue;
			}
			record Moved(DocumentKind kind, String no, long version) {
			}
			List<Moved> moved = jdbc
				.sql("UPDATE document d SET contact_no = ?, version = " + RowVersions.next("d")
						+ " WHERE contact_no = ? RETURNING kind, no, version")
				.params(survivorNo, mergedNo)
				.query((rs, n) -> new Moved(DocumentKind.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
				.list();
			List<DocumentEvents.Updated> updated = new ArrayList<>(moved.size());
			Map<String, String> before = Map.of("contactNo", mergedNo);
			for (Moved document : moved) {
				updated.add(new DocumentEvents.Updated(document.kind(), document.no(),
						List.of(new FieldChange(document.kind().contactField(), mergedNo, survivorNo)),
						document.version()));
				merging.ledger()
					.moved(MergeLedger.DOCUMENT, document.kind().name() + "/" + document.no(), mergedNo,
							document.version(), before);
			}
			events.publishUpdated(updated);
		}
	}

	/**
	 * The documents of a customer or vendor merged into another: on the sales side and
	 * service orders the customer, on the purchase side the vendor. Their contact is the
	 * contact merge's; the name printed on them stays as it was made.
	 */
	@EventListener
	void on(LinkedRecordMerging merging) {
		String column = partyColumn(merging.type());
		if (merging.rehearsal()) {
			jdbc.sql("SELECT kind, no FROM document WHERE " + column + " = ? ORDER BY kind, no")
				.param(merging.goneNo())
				.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
				.list()
				.forEach(key -> merging.ledger()
					.moved(MergeLedger.DOCUMENT_PARTY, key, merging.goneNo(), null, before(merging.type(), merging)));
			return;
		}
		record Moved(DocumentKind kind, String no, long version) {
		}
		List<Moved> moved = jdbc
			.sql("UPDATE document d SET " + column + " = ?, version = " + RowVersions.next("d") + " WHERE " + column
					+ " = ? RETURNING kind, no, version")
			.params(merging.intoNo(), merging.goneNo())
			.query((rs, n) -> new Moved(DocumentKind.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3)))
			.list();
		List<DocumentEvents.Updated> updated = new ArrayList<>(moved.size());
		Map<String, String> before = before(merging.type(), merging);
		for (Moved document : moved) {
			updated.add(new DocumentEvents.Updated(document.kind(), document.no(),
					List.of(new FieldChange(document.kind().recordField(), merging.goneNo(), merging.intoNo())),
					document.version()));
			merging.ledger()
				.moved(MergeLedger.DOCUMENT_PARTY, document.kind().name() + "/" + document.no(), merging.goneNo(),
						document.version(), before);
		}
		events.publishUpdated(updated);
	}

	private static Map<String, String> before(LinkedRecordType type, LinkedRecordMerging merging) {
		return Map.of("linkToTable", type.name(), "recordNo", merging.goneNo(), "into", merging.intoNo());
	}

	private static String partyColumn(LinkedRecordType type) {
		return switch (type) {
			case CUSTOMER -> "customer_no";
			case VENDOR -> "vendor_no";
			case BANK_ACCOUNT -> throw new IllegalArgumentException("documents name no bank account");
		};
	}

	/**
	 * The version a document must still have for undo to move it back: the merge's, or
	 * one above it where this undo has moved it already (its contact, then its customer),
	 * since a transaction raises a row's version once.
	 */
	private static final String STILL_AT_MERGE = " AND (version = :version OR (version = :version + 1 AND "
			+ RowVersions.writtenInThisTransaction("d") + "))";

	@EventListener
	void on(ContactUnmerging unmerging) {
		// Published together, as the merge publishes them
		// (DocumentEvents.publishUpdated).
		List<DocumentEvents.Updated> updated = new ArrayList<>();
		for (MergeLedger.Move move : unmerging.of(MergeLedger.DOCUMENT_PARTY)) {
			String[] key = move.key().split("/", 2);
			DocumentKind kind = DocumentKind.valueOf(key[0]);
			String column = partyColumn(LinkedRecordType.valueOf(move.before().get("linkToTable")));
			List<Long> version = jdbc
				.sql("UPDATE document d SET " + column + " = :gone, version = " + RowVersions.next("d")
						+ " WHERE kind = :kind AND no = :no AND " + column + " = :into" + STILL_AT_MERGE
						+ " RETURNING version")
				.param("gone", move.from())
				.param("kind", kind.name())
				.param("no", key[1])
				.param("into", move.before().get("into"))
				.param("version", move.versionAfter())
				.query(Long.class)
				.list();
			if (version.isEmpty()) {
				unmerging.ledger().notRestored(MergeLedger.DOCUMENT_PARTY, move.key(), "CHANGED");
				continue;
			}
			updated.add(new DocumentEvents.Updated(kind, key[1],
					List.of(new FieldChange(kind.recordField(), move.before().get("into"), move.from())),
					version.get(0)));
		}
		for (MergeLedger.Move move : unmerging.of(MergeLedger.DOCUMENT)) {
			String[] key = move.key().split("/", 2);
			DocumentKind kind = DocumentKind.valueOf(key[0]);
			List<Long> version = jdbc
				.sql("UPDATE document d SET contact_no = :from, version = " + RowVersions.next("d")
						+ " WHERE kind = :kind AND no = :no AND contact_no = :survivor" + STILL_AT_MERGE
						+ " RETURNING version")
				.param("from", move.from())
				.param("kind", kind.name())
				.param("no", key[1])
				.param("survivor", unmerging.survivorNo())
				.param("version", move.versionAfter())
				.query(Long.class)
				.list();
			if (version.isEmpty()) {
				unmerging.ledger().notRestored(MergeLedger.DOCUMENT, move.key(), "CHANGED");
				continue;
			}
			updated.add(new DocumentEvents.Updated(kind, key[1],
					List.of(new FieldChange(kind.contactField(), unmerging.survivorNo(), move.from())),
					version.get(0)));
		}
		events.publishUpdated(updated);
	}

}
