package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a record (contact, customer, vendor, bank account): numbered on creation,
 * changed by merge patch or by the sync, deleted. Subclasses add their own rules at the
 * hooks; the store keeps the conventions. Every public method is a transaction.
 */
public abstract class RecordService {

	protected final TableStore store;

	protected final Table table;

	protected final JdbcClient jdbc;

	protected RecordService(TableStore store, Table table, JdbcClient jdbc) {
		this.store = store;
		this.table = table;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Row get(String no) {
		return store.get(table, List.of(no));
	}

	@Transactional(readOnly = true)
	public Optional<Row> find(String no) {
		return store.find(table, List.of(no));
	}

	/** Creates a record from a request body, after the subclass's rules. */
	@Transactional
	public Row create(JsonNode body) {
		Map<String, @Nullable Object> values = TableJson.read(table, body, TableJson.Mode.CREATE);
		return createdAsStored(insert(values));
	}

	/**
	 * Creates a record from typed values, numbered from its series unless {@code no} is
	 * given.
	 * @return the record as written, before the listeners of its creation changed it (its
	 * link, say): its number, type and what was given, without reading it back
	 */
	@Transactional
	public Row insert(Map<String, @Nullable Object> given) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(given);
		String no = (String) values.get("no");
		// A blank number is no number: the record takes the next one of its series.
		values.put("no", numberFor(no == null || no.isBlank() ? null : no));
		prepareNew(values);
		Row row = store.insert(table, values);
		afterCreate(row);
		return row;
	}

	/**
	 * A new record as stored: listeners of its creation may have changed it (its link,
	 * say), and the one who asked for it is answered with that.
	 */
	protected Row createdAsStored(Row written) {
		return get(written.text("no"));
	}

	/**
	 * {@link #insert} for many records at once, as bulk work does it: numbers drawn in
	 * one block, the same preparation per record, one statement and one change event for
	 * them all. Listeners of single creations are not called; see
	 * {@link RecordChange.Batch}.
	 * @return the records as stored, in the given order
	 */
	@Transactional
	public List<Row> insertAll(List<Map<String, @Nullable Object>> given) {
		if (given.isEmpty()) {
			return List.of();
		}
		List<String> nos = numbersFor(given.size());
		List<Map<String, @Nullable Object>> all = new ArrayList<>(given.size());
		for (int i = 0; i < given.size(); i++) {
			Map<String, @Nullable Object> values = new LinkedHashMap<>(given.get(i));
			values.put("no", nos.get(i));
			all.add(values);
		}
		prepareNewAll(all);
		List<Row> rows = store.insertAll(table, all);
		rows.forEach(this::afterCreate);
		return rows;
	}

	/**
	 * {@link #apply} for many records at once: locked in number order, prepared one by
	 * one as single changes are, written with one statement per set of changed fields.
	 * @param changes the changes by record number
	 */
	@Transactional
	public List<Row> applyAll(Map<String, Map<String, @Nullable Object>> changes) {
		List<Row> current = store.lockAll(table, changes.keySet());
		if (current.size() != changes.size()) {
			Set<String> found = new java.util.HashSet<>();
			current.forEach(row -> found.add(row.text("no")));
			String missing = changes.keySet().stream().filter(no -> !found.contains(no)).findFirst().orElseThrow();
			throw new Problems.NotFound(table.title(), missing);
		}
		List<Map<String, @Nullable Object>> values = new ArrayList<>(current.size());
		for (Row row : current) {
			Map<String, @Nullable Object> change = changes.get(row.text("no"));
			Map<String, @Nullable Object> after = row.copyValues();
			change.forEach((field, value) -> after.put(field,
					value == null ? table.field(field).map(Field::defaultValue).orElse(null) : value));
			prepareUpdate(row, after, change.keySet());
			values.add(after);
		}
		List<Row> updated = store.updateAll(table, current, values);
		for (int i = 0; i < current.size(); i++) {
			// A row that changed is a new object; one that did not is handed back as it
			// was.
			if (updated.get(i) != current.get(i)) {
				afterUpdate(current.get(i), updated.get(i));
			}
		}
		return updated;
	}

	@Transactional
	public Row patch(String no, ExpectedVersion expected, JsonNode patch) {
		Map<String, @Nullable Object> changes = TableJson.read(table, patch, TableJson.Mode.PATCH);
		lockFirst(no);
		Row current = store.lock(table, List.of(no));
		TableStore.checkVersion(table, current, expected);
		Row changed = change(current, changes);
		// Listeners of the change may have changed the record again (the sync, a primary
		// contact's name): answer with it as stored.
		return changed == current ? current : get(no);
	}

	/**
	 * Changes fields of a record without a version check: for changes the application
	 * makes itself on behalf of the user's change (the sync, inheritance). Fields that
	 * already have their new values change nothing. It answers nothing: its callers go on
	 * with what they meant to change, and reading the record back would cost a statement
	 * on every hop of the sync.
	 */
	@Transactional
	public void apply(String no, Map<String, @Nullable Object> changes) {
		lockFirst(no);
		change(store.lock(table, List.of(no)), changes);
	}

	@Transactional
	public void delete(String no, ExpectedVersion expected) {
		lockFirst(no);
		Row current = store.lock(table, List.of(no));
		TableStore.checkVersion(table, current, expected);
		beforeDelete(current);
		store.delete(table, current);
	}

	public Table table() {
		return table;
	}

	/** Maps the rows of {@code SELECT *} on this record's table. */
	public RowMapper<Row> rows() {
		return store.rows(table);
	}

	private Row change(Row current, Map<String, @Nullable Object> changes) {
		Map<String, @Nullable Object> values = current.copyValues();
		changes.forEach((field, value) -> values.put(field,
				value == null ? table.field(field).map(Field::defaultValue).orElse(null) : value));
		prepareUpdate(current, values, changes.keySet());
		Row updated = store.update(table, current, values);
		if (updated == current) {
			// Nothing really changed.
			return current;
		}
		afterUpdate(current, updated);
		return updated;
	}

	/** A keyset-paged list in number order, searched with {@code q} when given. */
	@Transactional(readOnly = true)
	public Page<Row> list(@Nullable String query, @Nullable Integer limit, @Nullable String cursor) {
		return list(List.of(), Map.of(), limit, cursor, query);
	}

	/**
	 * A keyset-paged list in number order.
	 * @param conditions SQL conditions on the table's columns, joined with AND
	 * @param params their named parameters
	 */
	protected Page<Row> list(List<String> conditions, Map<String, Object> params, @Nullable Integer limit,
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
				throw new Problems.ValidationFailed("q", "must be at most 100 characters");
			}
			// Every word must be found, anywhere in name, e-mail, phone or city.
			String[] words = query.trim().split("\\s+");
			for (int i = 0; i < Math.min(words.length, 5); i++) {
				where.add("search_text LIKE '%' || search_key(:q" + i + ") || '%'");
				all.put("q" + i, words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
			}
		}
		String sql = "SELECT * FROM " + table.table() + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
				+ " ORDER BY no LIMIT " + (size + 1);
		List<Row> rows = jdbc.sql(sql).params(all).query(store.rows(table)).list();
		return Page.of(rows, size, row -> String.valueOf(row.get("no")));
	}

	/**
	 * Locks what must be locked before this record, so that every transaction takes its
	 * locks in the same order and none waits for another in a circle.
	 */
	protected void lockFirst(String no) {
	}

	/**
	 * The number of a new record: {@code givenNo} if the series allows it, else the next
	 * one.
	 */
	protected abstract String numberFor(@Nullable String givenNo);

	/**
	 * Those of {@code nos} that records of this table hold already, for a series to pass
	 * over (numbers given by hand run ahead of it).
	 */
	protected Set<String> held(List<String> nos) {
		return Set.copyOf(jdbc.sql("SELECT no FROM " + table.table() + " WHERE no = ANY(?)")
			.param(nos.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * The numbers of {@code count} new records; a series that can draw them in one block
	 * should.
	 */
	protected List<String> numbersFor(int count) {
		List<String> nos = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			nos.add(numberFor(null));
		}
		return nos;
	}

	/**
	 * Prepares many new records, each as {@link #prepareNew} would; one that reads other
	 * rows for each should read them for all at once.
	 */
	protected void prepareNewAll(List<Map<String, @Nullable Object>> values) {
		values.forEach(this::prepareNew);
	}

	/** Fills and checks the values of a new record before it is stored. */
	protected void prepareNew(Map<String, @Nullable Object> values) {
	}

	/** Runs after a new record is stored, in the same transaction. */
	protected void afterCreate(Row row) {
	}

	/** Fills and checks the new values of a changed record before they are stored. */
	protected void prepareUpdate(Row current, Map<String, @Nullable Object> values, Set<String> changed) {
	}

	/** Runs after a record really changed, in the same transaction. */
	protected void afterUpdate(Row before, Row after) {
	}

	/**
	 * Runs before a record is deleted, in the same transaction: refuse, or let go of what
	 * uses it.
	 */
	protected void beforeDelete(Row row) {
	}

}
