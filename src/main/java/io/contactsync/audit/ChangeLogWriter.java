package io.contactsync.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.AuditedBatch;
import io.contactsync.platform.AuditedChange;
import io.contactsync.platform.BeforeCommit;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.RowArrays;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each change event to the change log in the transaction that made the change: a
 * change is never committed without its log entries, nor logged without being committed.
 * The first entry of a change may carry the number its publisher took for it
 * ({@link io.contactsync.platform.ChangeNumbers}): the changes the sync carries name it
 * as their cause, whichever listener runs first.
 *
 * A transaction's entries are numbered as the changes are made and written together just
 * before it commits: a customer created with its contacts makes five entries, and writing
 * them one statement each would hold the locks of the creation that much longer.
 */
@Component
class ChangeLogWriter {

	private static final List<String> COLUMNS = List.of("user_name", "origin", "record_type", "no", "field",
			"old_value", "new_value", "caused_by", "source_system", "import_id");

	/** Rows per statement, well within PostgreSQL's 65,535 parameters. */
	private static final int ROWS_PER_STATEMENT = 500;

	private final JdbcClient jdbc;

	private final ChangeLogIds ids;

	private final RowArrays rowArrays;

	ChangeLogWriter(JdbcClient jdbc, ChangeLogIds ids, RowArrays rowArrays) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.rowArrays = rowArrays;
	}

	@EventListener
	void on(AuditedChange change) {
		List<FieldChange> fields = change.changes();
		if (fields.isEmpty()) {
			return;
		}
		List<Entry> entries = new ArrayList<>(fields.size());
		for (FieldChange field : fields) {
			Long numbered = entries.isEmpty() ? change.entryNo() : null;
			entries.add(new Entry(numbered != null ? numbered : ids.next(), change, field));
		}
		List<Entry> pending = BeforeCommit.collect(this, Ordered.HIGHEST_PRECEDENCE, this::writeAtCommit, () -> {
		});
		if (pending == null) {
			write(entries);
		}
		else {
			pending.addAll(entries);
		}
	}

	/**
	 * A transaction's entries, first of the work at its commit (a refused entry rolls it
	 * all back), in number order: a carried change's entry names its cause's, which may
	 * have been logged after it, and a statement of a later chunk must not come first.
	 */
	private void writeAtCommit(List<Entry> entries) {
		entries.sort(Comparator.comparingLong(Entry::id));
		write(entries);
		entries.clear();
	}

	private void write(List<Entry> entries) {
		OffsetDateTime server = serverOf(entries);
		for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
			List<Entry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
			StringBuilder sql = new StringBuilder("INSERT INTO change_log (id, " + String.join(", ", COLUMNS)
					+ ") OVERRIDING SYSTEM VALUE SELECT * FROM (VALUES ");
			List<@Nullable Object> params = new ArrayList<>();
			for (int i = 0; i < chunk.size(); i++) {
				Entry entry = chunk.get(i);
				sql.append(i == 0 ? "" : ", ").append("(?::bigint, ?, ?, ?, ?, ?, ?, ?, ?::bigint, ?, ?::bigint)");
				params.add(entry.id());
				params.add(entry.change().actor().user());
				params.add(entry.change().actor().origin().name());
				params.add(entry.change().recordType());
				params.add(entry.change().no());
				params.add(entry.field().field());
				params.add(entry.field().oldValue());
				params.add(entry.field().newValue());
				params.add(entry.change().actor().causedBy());
				params.add(entry.change().actor().sourceSystem());
				params.add(entry.change().actor().importId());
			}
			// Written only on the server whose sequence gave the numbers (see
			// ChangeLogIds).
			sql.append(") v WHERE pg_postmaster_start_time() = ?");
			params.add(server);
			if (jdbc.sql(sql.toString()).params(params).update() != chunk.size()) {
				throw restarted();
			}
		}
	}

	/** The one server all these entries' numbers were drawn from. */
	private OffsetDateTime serverOf(List<Entry> entries) {
		OffsetDateTime server = null;
		for (Entry entry : entries) {
			OffsetDateTime drawnIn = ids.drawnIn(entry.id()).orElseThrow(this::restarted);
			if (server != null && !server.equals(drawnIn)) {
				throw restarted();
			}
			server = drawnIn;
		}
		return server;
	}

	/**
	 * The database server restarted since these numbers were drawn, and may hand them out
	 * again: nothing of this transaction is written, and it is to be tried again (503).
	 */
	private TransientDataAccessResourceException restarted() {
		ids.forgetAll();
		return new TransientDataAccessResourceException(
				"The database restarted since this change's log numbers were drawn; try again");
	}

	private record Entry(long id, AuditedChange change, FieldChange field) {
	}

	/**
	 * The key under which a transaction collects the rows of bulk writes, apart from the
	 * numbered entries.
	 */
	private final Object unnumbered = new Object();

	/**
	 * The entries of a bulk write: one statement for them all, at the commit too, after
	 * the numbered entries, since they may name one of those as their cause that is
	 * published after them (the rows a merge moves name its {@code contact.merged}
	 * entry). They take their numbers as they are written.
	 */
	@EventListener
	void on(AuditedBatch batch) {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (AuditedChange change : batch.entries()) {
			for (FieldChange field : change.changes()) {
				Map<String, @Nullable Object> row = new HashMap<>();
				row.put("user_name", change.actor().user());
				row.put("origin", change.actor().origin().name());
				row.put("record_type", change.recordType());
				row.put("no", change.no());
				row.put("field", field.field());
				row.put("old_value", field.oldValue());
				row.put("new_value", field.newValue());
				row.put("caused_by", change.actor().causedBy());
				row.put("source_system", change.actor().sourceSystem());
				row.put("import_id", change.actor().importId());
				rows.add(row);
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		List<Map<String, @Nullable Object>> pending = BeforeCommit.collect(unnumbered, Ordered.HIGHEST_PRECEDENCE + 1,
				this::writeUnnumbered, () -> {
				});
		if (pending == null) {
			writeUnnumbered(rows);
		}
		else {
			pending.addAll(rows);
		}
	}

	private void writeUnnumbered(List<Map<String, @Nullable Object>> rows) {
		jdbc.sql("INSERT INTO change_log (" + String.join(", ", COLUMNS) + ") SELECT " + String.join(", ", COLUMNS)
				+ " FROM " + RowArrays.from("change_log", "rows"))
			.param("rows", rowArrays.of("change_log", rows))
			.update();
		rows.clear();
	}

}
