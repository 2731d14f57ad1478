package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowVersions;
import io.contactsync.platform.TransactionScoped;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps of a record's life (contact, customer, vendor, bank account) on its table,
 * for the module that owns the record to call in the order its rules need: read a
 * request, lock, check the version, merge, write, delete. It holds no rules and calls
 * nothing back; the module's service is the transaction, and the store publishes the
 * module's typed event of every write.
 */
public final class Records {

	private final TableStore store;

	private final Table table;

	private final JdbcClient jdbc;

	private final WordSearch words;

	public Records(TableStore store, Table table, JdbcClient jdbc) {
		this.store = store;
		this.table = table;
		this.jdbc = jdbc;
		this.words = new WordSearch(jdbc, table.table(), store.rows(table));
	}

	public Table table() {
		return table;
	}

	/** Maps the rows of {@code SELECT *} on this record's table. */
	public RowMapper<Row> rows() {
		return store.rows(table);
	}

	public Row get(String no) {
		return store.get(table, List.of(no));
	}

	/**
	 * The record right after a {@link #write} of it: the row that write returned, or the
	 * one a write inside it (the sync's) returned, if nothing wrote the table since; else
	 * read. The answer to a change without reading the row again. Every write of the
	 * table's rows in a request goes through this class; the database's own (a foreign
	 * key's {@code ON DELETE SET NULL} on customers and vendors) do not run between a
	 * change and its answer.
	 */
	public Row latest(String no) {
		Row written = written().rows.get(no);
		return written != null ? written : get(no);
	}

	public Optional<Row> find(String no) {
		return store.find(table, List.of(no));
	}

	/**
	 * {@link #find}, answered without reading when this transaction wrote the record and
	 * nothing wrote the table since (see {@link #latest}): a person made for the company
	 * its transaction has just created reads the company so.
	 */
	public Optional<Row> findLatest(String no) {
		Row written = written().rows.get(no);
		return written != null ? Optional.of(written) : find(no);
	}

	/** The records with these numbers that exist, by number, read in one query. */
	public Map<String, Row> getAll(Collection<String> nos) {
		Map<String, Row> found = new HashMap<>();
		jdbc.sql(TableSql.select(table) + " WHERE " + table.keys().get(0).column() + " = ANY(?)")
			.param(nos.toArray(String[]::new))
			.query((rs, n) -> TableSql.toRow(table, rs))
			.list()
			.forEach(row -> found.put(row.text("no"), row));
		return found;
	}

	/** The typed values of a request body, checked against the table's fields. */
	public Map<String, @Nullable Object> read(JsonNode body, TableJson.Mode mode) {
		return TableJson.read(table, body, mode);
	}

	/**
	 * The rules of the table's fields that these values break, as the write would report
	 * them: for a module's own checks to report together with them.
	 */
	public List<FieldError> brokenRules(Map<String, @Nullable Object> values) {
		return TableChecks.brokenRules(table, TableSql.withDefaults(table, values));
	}

	/** Locks a record for the rest of the transaction; unknown: 404. */
	public Row lock(String no) {
		return store.lock(table, List.of(no));
	}

	/** Locks a record and checks that it is still the version the caller saw. */
	public Row lockAt(String no, ExpectedVersion expected) {
		Row current = lock(no);
		TableStore.checkVersion(table, current, expected);
		return current;
	}

	/**
	 * Locks many records in number order, so that two such calls never wait in a circle.
	 */
	public List<Row> lockAll(Collection<String> nos) {
		List<Row> current = store.bulk().lockAll(table, nos);
		if (current.size() != new HashSet<>(nos).size()) {
			Set<String> found = new HashSet<>();
			current.forEach(row -> found.add(row.text("no")));
			String missing = nos.stream().filter(no -> !found.contains(no)).findFirst().orElseThrow();
			throw new Problems.NotFound(table.named(), missing);
		}
		return current;
	}

	/**
	 * Every field's value after a change: the current values with the changes over them,
	 * a field set to null taking its default.
	 */
	public Map<String, @Nullable Object> merged(Row current, Map<String, @Nullable Object> changes) {
		Map<String, @Nullable Object> values = current.copyValues();
		changes.forEach((field, value) -> values.put(field,
				value == null ? table.field(field).map(Field::defaultValue).orElse(null) : value));
		return values;
	}

	/**
	 * Writes what differs from the current row. A write that changes nothing answers the
	 * same row object, writes nothing and publishes nothing: that is what ends the sync's
	 * cascades.
	 * @param by who makes the change, through what, and the change that caused it: its
	 * event carries that on to whoever acts on it
	 */
	public Row write(Row current, Map<String, @Nullable Object> values, Actor by) {
		Written written = written();
		String no = current.text("no");
		written.rows.remove(no);
		int mark = ++written.writes;
		Row updated;
		try {
			updated = store.update(table, current, values, by);
		}
		catch (RuntimeException ex) {
			// Rolled back to a savepoint, what the write's listeners wrote may be gone.
			forgetWritten();
			throw ex;
		}
		// When the change's listeners wrote the table (the sync brought a value back),
		// what they kept is newer than what this returns.
		if (written.writes == mark && updated != current) {
			written.rows.put(no, updated);
		}
		return updated;
	}

	/** {@link #write} for many rows, one statement per set of changed fields. */
	public List<Row> writeAll(List<Row> current, List<Map<String, @Nullable Object>> values) {
		forgetWritten();
		return store.bulk().updateAll(table, current, values);
	}

	/**
	 * Stores a new record whose number is chosen.
	 * @return the record as written, before the listeners of its creation changed it (its
	 * link, say)
	 */
	public Row insert(Map<String, @Nullable Object> values, Actor by) {
		Written written = written();
		// Not counted as a write itself: a new row changes no row that is kept.
		int mark = written.writes;
		Row created;
		try {
			created = store.insert(table, values, by);
		}
		catch (RuntimeException ex) {
			// Rolled back to a savepoint: what its listeners wrote may be gone.
			forgetWritten();
			throw ex;
		}
		// Kept for latest() unless the creation's listeners wrote the table.
		if (written.writes == mark) {
			written.rows.put(created.text("no"), created);
		}
		return created;
	}

	/**
	 * {@link #insert} for many records: one statement and one batch event for them all.
	 */
	public List<Row> insertAll(List<Map<String, @Nullable Object>> values) {
		return store.bulk().insertAll(table, values);
	}

	public void delete(Row current) {
		forgetWritten();
		store.delete(table, current);
	}

	/**
	 * Deletes a row read with {@link #lock}, published as {@code as} makes the event
	 * rather than as the table's deletion: a record merged into another.
	 * @param first what the event's diff says before the values the row had
	 * @param entryNo its first change-log entry's number, if taken already; else null
	 */
	public void delete(Row current, Actor by, RecordEvent.Factory as, List<FieldChange> first, @Nullable Long entryNo) {
		forgetWritten();
		store.delete(table, current, by, as, first, entryNo);
	}

	/**
	 * Puts a record back under its number, as it was, at {@code version}: a merged
	 * contact whose merge is undone.
	 */
	public Row restore(Map<String, @Nullable Object> values, long version, Actor by, RecordEvent.Factory as,
			@Nullable Long entryNo) {
		forgetWritten();
		return store.restore(table, values, version, by, as, entryNo);
	}

	/**
	 * Those of {@code nos} that records of this table hold already, for a series to pass
	 * over (numbers given by hand run ahead of it).
	 */
	public Set<String> held(List<String> nos) {
		return Set.copyOf(jdbc.sql("SELECT no FROM " + table.table() + " WHERE no = ANY(?)")
			.param(nos.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Shows a value derived from other records (a record's contact, a contact's relation
	 * summary): those are logged where they change, so this moves neither the version nor
	 * the log.
	 */
	public void show(String field, String no, @Nullable Object value) {
		forgetWritten();
		String column = column(field);
		jdbc.sql("UPDATE " + table.table() + " SET " + column + " = ? WHERE no = ? AND " + column
				+ " IS DISTINCT FROM ?")
			.params(value, no, value)
			.update();
	}

	/**
	 * Raises a record's version for the running transaction, as its first write would:
	 * for a change shown without a version of its own ({@link #show}) that the record's
	 * readers must still see as a new version (a link moved to another contact). Later
	 * writes of the transaction stay in that version.
	 */
	public void raiseVersion(String no) {
		forgetWritten();
		jdbc.sql("UPDATE " + table.table() + " SET version = " + RowVersions.next(table.table()) + " WHERE "
				+ table.keys().get(0).column() + " = ?")
			.param(no)
			.update();
	}

	/** {@link #show} for many records, with one statement. */
	public void showAll(String field, Map<String, String> values) {
		if (values.isEmpty()) {
			return;
		}
		forgetWritten();
		String column = column(field);
		jdbc.sql("UPDATE " + table.table() + " t SET " + column + " = v.value FROM unnest(:nos, :values)"
				+ " AS v(no, value) WHERE t.no = v.no AND t." + column + " IS DISTINCT FROM v.value")
			.param("nos", values.keySet().toArray(String[]::new))
			.param("values", values.values().toArray(String[]::new))
			.update();
	}

	/**
	 * A keyset-paged list in number order.
	 * @param conditions SQL conditions on the table's columns, joined with AND
	 * @param params their named parameters
	 * @param query words that must each be found in name, e-mail, phone or city
	 */
	public Page<Row> list(List<String> conditions, Map<String, Object> params, @Nullable Integer limit,
			@Nullable String cursor, @Nullable String query) {
		int size = Page.limit(limit);
		List<String> where = new ArrayList<>(conditions);
		Map<String, Object> all = new LinkedHashMap<>(params);
		String after = Page.decode(cursor);
		if (after != null) {
			where.add("no > :after");
			all.put("after", after);
		}
		if (query != null && !query.isBlank()) {
			if (query.length() > 100) {
				throw new Problems.ValidationFailed("q", "invalid.atMost", "100");
			}
			List<String> escaped = Arrays.stream(query.trim().split("\\s+"))
				.limit(5)
				.map(word -> word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
				.toList();
			return words.find(where, all, escaped, size + 1).page(size);
		}
		String sql = "SELECT * FROM " + table.table() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
				+ " ORDER BY no LIMIT " + (size + 1);
		List<Row> rows = jdbc.sql(sql).params(all).query(store.rows(table)).list();
		return Page.of(rows, size, row -> String.valueOf(row.get("no")));
	}

	/** What this transaction wrote; outside one, nothing is kept. */
	private Written written() {
		return TransactionScoped.get(this, Written::new);
	}

	/**
	 * Every other write of the table's rows: {@link #latest} reads them again. All of
	 * them, not just the rows named, so that no write's effects on a row go unseen.
	 */
	private void forgetWritten() {
		Written written = written();
		written.writes++;
		written.rows.clear();
	}

	/**
	 * The rows {@link #write} and {@link #insert} returned in a transaction, by number,
	 * and a count of the table's writes, by which a write sees whether others ran inside
	 * it.
	 */
	private static final class Written {

		final Map<String, Row> rows = new HashMap<>();

		int writes;

	}

	private String column(String field) {
		return table.field(field)
			.orElseThrow(() -> new IllegalArgumentException(table.title() + " has no field " + field))
			.column();
	}

}
