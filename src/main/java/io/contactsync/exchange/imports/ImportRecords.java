package io.contactsync.exchange.imports;

import java.util.List;
import java.util.Locale;

import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records an import created or changed, in the order it reached them, with what its
 * undo did with each: undone, or left and why.
 */
@Component
class ImportRecords {

	private final JdbcClient jdbc;

	private final ImportAnswers answers;

	ImportRecords(JdbcClient jdbc, ImportAnswers answers) {
		this.jdbc = jdbc;
		this.answers = answers;
	}

	@Transactional(readOnly = true)
	ImportAnswers.UndoRecords list(long id, @Nullable String undo, int limit, long afterSeq, Locale locale) {
		if (undo != null && !List.of("UNDONE", "LEFT").contains(undo)) {
			throw new Problems.ValidationFailed("undo", "invalid.oneOf", "UNDONE, LEFT");
		}
		record Found(long seq, ImportAnswers.UndoRecord record) {
		}
		List<Found> found = jdbc
			.sql("SELECT seq, record_type, no, created, undo, undo_reason FROM import_record WHERE import_id = ?"
					+ " AND seq > ?" + (undo == null ? "" : " AND undo = ?") + " ORDER BY seq LIMIT ?")
			.params(undo == null ? List.of(id, afterSeq, limit + 1) : List.of(id, afterSeq, undo, limit + 1))
			.query((rs, n) -> {
				String reason = rs.getString(6);
				return new Found(rs.getLong(1), new ImportAnswers.UndoRecord(rs.getString(2), rs.getString(3),
						rs.getBoolean(4), rs.getString(5), reason == null ? null
								: answers.said(StoredMessages.message(ImportStore.JSON.readTree(reason)), locale)));
			})
			.list();
		Page<Found> page = Page.of(found, limit, record -> Long.toString(record.seq()));
		return new ImportAnswers.UndoRecords(page.items().stream().map(Found::record).toList(), page.next());
	}

}
