package io.contactsync.document;

import java.util.List;
import java.util.Map;

import io.contactsync.contact.ContactMerging;
import io.contactsync.contact.ContactUnmerging;
import io.contactsync.contact.MergeLedger;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.RowVersions;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.Row;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Documents through a merge of contacts (docs/merge.md): every document of a merged
 * contact, open or not, names the survivor, one version up; its customer or vendor stays
 * as it is. Undo names the merged contact again where the document is still at that
 * version.
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
			for (Moved document : moved) {
				events.publish(document.kind(), document.no(), RecordChange.Kind.UPDATED,
						List.of(new FieldChange(document.kind().contactField(), mergedNo, survivorNo)),
						document.version());
				merging.ledger()
					.moved(MergeLedger.DOCUMENT, document.kind().name() + "/" + document.no(), mergedNo,
							document.version(), Map.of("contactNo", mergedNo));
			}
		}
	}

	@EventListener
	void on(ContactUnmerging unmerging) {
		for (MergeLedger.Move move : unmerging.of(MergeLedger.DOCUMENT)) {
			String[] key = move.key().split("/", 2);
			DocumentKind kind = DocumentKind.valueOf(key[0]);
			List<Long> version = jdbc
				.sql("UPDATE document d SET contact_no = ?, version = " + RowVersions.next("d")
						+ " WHERE kind = ? AND no = ? AND contact_no = ? AND version = ? RETURNING version")
				.params(move.from(), kind.name(), key[1], unmerging.survivorNo(), move.versionAfter())
				.query(Long.class)
				.list();
			if (version.isEmpty()) {
				unmerging.ledger().notRestored(MergeLedger.DOCUMENT, move.key(), "CHANGED");
				continue;
			}
			events.publish(kind, key[1], RecordChange.Kind.UPDATED,
					List.of(new FieldChange(kind.contactField(), unmerging.survivorNo(), move.from())), version.get(0));
		}
	}

}
