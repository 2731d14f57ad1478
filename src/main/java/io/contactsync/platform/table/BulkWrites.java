package io.contactsync.platform.table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowArrays;
import io.contactsync.platform.RowVersions;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TableStore}'s writes of many rows at once, for the jobs and the sync's bulk
 * paths: the same checks, diffs and change events as one row's write, with one statement
 * per set of rows.
 */
@Component
class BulkWrites {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TableChecks checks;

	private final RowArrays rowArrays;

	BulkWrites(JdbcClient jdbc, ApplicationEventPublisher events, TableChecks checks, RowArrays rowArrays) {
		this.jdbc = jdbc;
		this.events = events;
		this.checks = checks;
		this.rowArrays = rowArrays;
	}

	/**
	 * Inserts many new rows at once, after the same checks as {@link TableStore#insert}:
	 * one statement for the rows, one query per reference field, and one change event for
	 * them all ({@link RecordChange.Batch}). A key that is taken fails the whole call.
	 */
	@Transactional
	public List<Row> insertAll(Table table, List<Map<String, @Nullable Object>> given) {
		if (given.isEmpty()) {
			return List.of();
		}
		// to the microsecond, as PostgreSQL keeps it: the rows returned read as stored
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<Field> stamps = table.allFields().stream().filter(Field::isTimestamp).toList();
		List<Map<String, @Nullable Object>> all = new ArrayList<>(given.size());
		for (Map<String, @Nullable Object> one : given) {
			Map<String, @Nullable Object> values = TableSql.withDefaults(table, one);
			checks.checkOwnRules(table, values);
			stamps.forEach(stamp -> values.put(stamp.name(), now));
			all.add(values);
		}
		checks.checkReferences(table, all, null);
		List<Field> fields = table.allFields();
		String columns = TableSql.columns(fields);
		try {
			jdbc.sql("INSERT INTO " + table.table() + " (" + columns + ", version) SELECT " + columns + ", 1 FROM "
					+ RowArrays.from(table.table(), "rows"))
				.param("rows", rowArrays.of(table.table(), TableSql.byColumn(fields, all)))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Problems.AlreadyExists(table.named(),
					Message.of("detail.oneOfRows", Integer.toString(all.size())));
		}
		List<Row> rows = new ArrayList<>(all.size());
		List<RecordEvent> changes = new ArrayList<>(all.size());
		for (Map<String, @Nullable Object> values : all) {
			Row created = new Row(values, 1);
			rows.add(created);
			changes.add(TableSql.change(table, created.key(table.keys()), RecordChange.Kind.CREATED,
					TableSql.diff(table, null, created), created.values(), created, null, 1, Actor.current()));
		}
		events.publishEvent(new RecordChange.Batch(table.recordType(), RecordChange.Kind.CREATED, changes));
		return rows;
	}

	/**
	 * Locks the rows of a record table with these numbers, in number order (the order
	 * every writer takes), and reads them.
	 */
	public List<Row> lockAll(Table table, Collection<String> nos) {
		if (nos.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql(TableSql.select(table) + " WHERE " + table.keys().get(0).column() + " = ANY(:nos) ORDER BY "
					+ table.keys().get(0).column() + " FOR UPDATE")
			.param("nos", nos.stream().sorted().toArray(String[]::new))
			.query((rs, n) -> TableSql.toRow(table, rs))
			.list();
	}

	/**
	 * {@link TableStore#update} for many rows of a record table at once: the same checks
	 * and diffs, one statement per set of changed fields, one change event for them all.
	 * Rows whose values did not change are not written.
	 * @param current the rows as read with {@link #lockAll}
	 * @param values each row's new values, in the same order
	 * @return the rows as written (unchanged ones as they were)
	 */
	@Transactional
	public List<Row> updateAll(Table table, List<Row> current, List<Map<String, @Nullable Object>> values) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Map<List<Field>, List<Map<String, @Nullable Object>>> byChangedFields = new LinkedHashMap<>();
		List<Pending> pending = new ArrayList<>();
		List<Map<String, @Nullable Object>> toCheck = new ArrayList<>();
		Set<String> changedNames = new java.util.HashSet<>();
		for (int i = 0; i < current.size(); i++) {
			Row before = current.get(i);
			Map<String, @Nullable Object> after = values.get(i);
			List<FieldChange> changes = TableSql.diff(table, before, new Row(after, before.version()));
			if (changes.isEmpty()) {
				continue;
			}
			checks.checkOwnRules(table, after);
			toCheck.add(after);
			List<Field> changed = table.fields()
				.stream()
				.filter(f -> f.isTimestamp() || TableSql.written(f, changes, before, after))
				.toList();
			changes.forEach(c -> changedNames.add(c.field()));
			table.fields().stream().filter(Field::isTimestamp).forEach(stamp -> after.put(stamp.name(), now));
			byChangedFields.computeIfAbsent(changed, key -> new ArrayList<>()).add(after);
			pending.add(new Pending(i, before, after, changes, changed));
		}
		checks.checkReferences(table, toCheck, changedNames);
		Field key = table.keys().get(0);
		Map<String, Long> versions = new java.util.HashMap<>();
		byChangedFields.forEach((changed, rows) -> {
			List<Field> written = new ArrayList<>(table.keys());
			written.addAll(changed);
			jdbc.sql("UPDATE " + table.table() + " t SET "
					+ changed.stream().map(f -> f.column() + " = v." + f.column()).collect(Collectors.joining(", "))
					+ ", version = " + RowVersions.next("t") + " FROM " + RowArrays.from(table.table(), "rows")
					+ " v WHERE t." + key.column() + " = v." + key.column() + " RETURNING t." + key.column()
					+ ", t.version")
				.param("rows", rowArrays.of(table.table(), TableSql.byColumn(written, rows)))
				.query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2)))
				.list();
		});
		List<Row> result = new ArrayList<>(current);
		List<RecordEvent> events = new ArrayList<>(pending.size());
		for (Pending change : pending) {
			Row updated = new Row(change.after(), versions.get(String.valueOf(change.after().get(key.name()))));
			result.set(change.index(), updated);
			Map<String, @Nullable Object> changedValues = new LinkedHashMap<>();
			change.fields()
				.stream()
				.filter(f -> !f.isTimestamp())
				.forEach(f -> changedValues.put(f.name(), change.after().get(f.name())));
			events.add(TableSql.change(table, change.before().key(table.keys()), RecordChange.Kind.UPDATED,
					change.changes(), changedValues, updated, null, updated.version(), Actor.current()));
		}
		if (!events.isEmpty()) {
			this.events.publishEvent(new RecordChange.Batch(table.recordType(), RecordChange.Kind.UPDATED, events));
		}
		return result;
	}

	/** A row of {@link #updateAll} that changed, until its new version is known. */
	private record Pending(int index, Row before, Map<String, @Nullable Object> after, List<FieldChange> changes,
			List<Field> fields) {
	}

}
