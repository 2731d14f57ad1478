package io.contactsync.platform.table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import io.contactsync.platform.ChangeNumbers;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowVersions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes the rows of {@link Table}s with the API's rules: typed and checked
 * values, references that must exist, optimistic versions, merge patch, and a change
 * event for every write. SQL is built only from the tables' own descriptions, never from
 * input.
 */
@Service
public class TableStore {

	/**
	 * Separates the parts of a composite key inside a cursor; values never contain it.
	 */
	private static final String KEY_SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TableChecks checks;

	private final ChangeNumbers numbers;

	private final BulkWrites bulk;

	TableStore(JdbcClient jdbc, ApplicationEventPublisher events, TableChecks checks, ChangeNumbers numbers,
			BulkWrites bulk) {
		this.jdbc = jdbc;
		this.events = events;
		this.checks = checks;
		this.numbers = numbers;
		this.bulk = bulk;
	}

	/** The writes of many rows at once, for {@link Records}. */
	BulkWrites bulk() {
		return bulk;
	}

	@Transactional(readOnly = true)
	public Page<Row> list(Table table, @Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		String after = Page.decode(cursor);
		String keyColumns = TableSql.columns(table.keys());
		StringBuilder sql = new StringBuilder(TableSql.select(table));
		Map<String, Object> params = new LinkedHashMap<>();
		if (after != null) {
			String[] parts = after.split(KEY_SEPARATOR, -1);
			if (parts.length != table.keys().size()) {
				throw new Problems.MalformedRequest("cursor", "invalid.cursor");
			}
			List<String> placeholders = new ArrayList<>();
			for (int i = 0; i < parts.length; i++) {
				params.put("k" + i, parts[i]);
				placeholders.add(":k" + i);
			}
			sql.append(" WHERE (")
				.append(keyColumns)
				.append(") > (")
				.append(String.join(", ", placeholders))
				.append(")");
		}
		sql.append(" ORDER BY ").append(keyColumns).append(" LIMIT ").append(size + 1);
		List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> TableSql.toRow(table, rs)).list();
		return Page.of(rows, size, row -> String.join(KEY_SEPARATOR,
				table.keys().stream().map(k -> String.valueOf(row.get(k.name()))).toList()));
	}

	@Transactional(readOnly = true)
	public Optional<Row> find(Table table, List<String> key) {
		return jdbc.sql(TableSql.selectByKey(table))
			.params(TableSql.keyParams(table, key))
			.query((rs, n) -> TableSql.toRow(table, rs))
			.optional();
	}

	@Transactional(readOnly = true)
	public Row get(Table table, List<String> key) {
		return find(table, key).orElseThrow(() -> new Problems.NotFound(table.named(), String.join("/", key)));
	}

	/** The one row of a singleton table; its migration inserts it. */
	@Transactional(readOnly = true)
	public Row singleton(Table table) {
		return jdbc.sql(TableSql.select(table)).query((rs, n) -> TableSql.toRow(table, rs)).single();
	}

	@Transactional
	public Row create(Table table, JsonNode body) {
		return insert(table, TableJson.read(table, body, TableJson.Mode.CREATE), Actor.current());
	}

	/**
	 * Inserts a row from typed values (what they leave out takes its default), after the
	 * same checks as a request.
	 * @param by who makes it, through what, and on behalf of which change
	 */
	@Transactional
	public Row insert(Table table, Map<String, @Nullable Object> given, Actor by) {
		return insert(table, given, by, 1, table.events(), null);
	}

	/**
	 * Puts a record that was gone back under its number (a contact whose merge is
	 * undone), at the version after its last one, published as {@code as} makes it.
	 * @param entryNo the number of its first change-log entry, or null for the next one
	 */
	@Transactional
	public Row restore(Table table, Map<String, @Nullable Object> given, long version, Actor by, RecordEvent.Factory as,
			@Nullable Long entryNo) {
		return insert(table, given, by, version, as, entryNo);
	}

	private Row insert(Table table, Map<String, @Nullable Object> given, Actor by, long version, RecordEvent.Factory as,
			@Nullable Long entryNo) {
		Map<String, @Nullable Object> values = TableSql.withDefaults(table, given);
		checks.validate(table, values);
		String key = new Row(values, 0).key(table.keys());
		// A taken key is refused by the primary key itself (below), one statement fewer
		// than asking first; the request fails either way.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		values.replaceAll((name, value) -> table.field(name).filter(Field::isTimestamp).isPresent() ? now : value);
		List<Field> fields = table.allFields();
		String sql = "INSERT INTO " + table.table() + " (" + TableSql.columns(fields) + ", version) VALUES ("
				+ fields.stream().map(f -> ":" + f.column()).collect(Collectors.joining(", ")) + ", " + version + ")";
		try {
			jdbc.sql(sql).params(TableSql.columnParams(fields, values)).update();
		}
		catch (DuplicateKeyException ex) {
			throw new Problems.AlreadyExists(table.named(), key);
		}
		Row created = new Row(values, version);
		events.publishEvent(as.of(new RecordChange(table.recordType(), table.changeLogNo(key),
				RecordChange.Kind.CREATED, TableSql.diff(table, null, created),
				java.util.Collections.unmodifiableMap(new LinkedHashMap<>(created.values())), by, created,
				entryNo != null ? entryNo : numbers.next(), version)));
		return created;
	}

	/** Applies a JSON merge patch: the fields present change, {@code null} clears. */
	@Transactional
	public Row patch(Table table, List<String> key, ExpectedVersion expected, JsonNode patch) {
		Map<String, @Nullable Object> changes = TableJson.read(table, patch, TableJson.Mode.PATCH);
		Row current = lock(table, key);
		Map<String, @Nullable Object> values = new LinkedHashMap<>(current.values());
		for (Field field : table.fields()) {
			if (changes.containsKey(field.name())) {
				Object value = changes.get(field.name());
				values.put(field.name(), value == null ? field.defaultValue() : value);
			}
		}
		return write(table, current, expected, values);
	}

	/**
	 * Replaces a singleton's values: what the body leaves out takes its default. The body
	 * its GET answered is taken back as it is: read-only fields equal to the stored ones
	 * are passed over, and {@code version} in the body is checked as {@code If-Match} is.
	 */
	@Transactional
	public Row replace(Table table, @Nullable ExpectedVersion expected, JsonNode body) {
		Row current = jdbc.sql(TableSql.select(table) + " FOR UPDATE")
			.query((rs, n) -> TableSql.toRow(table, rs))
			.single();
		checkVersion(table, current, TableJson.versionIn(body));
		JsonNode request = TableJson.withoutEchoes(table, current, body);
		Map<String, @Nullable Object> values = TableSql.withDefaults(table,
				TableJson.read(table, request, TableJson.Mode.REPLACE));
		return write(table, current, expected == null ? ExpectedVersion.any() : expected, values);
	}

	@Transactional
	public void delete(Table table, List<String> key, ExpectedVersion expected) {
		Row current = lock(table, key);
		checkVersion(table, current, expected);
		delete(table, current);
	}

	/**
	 * Deletes a row read with {@link #lock}; a row that is still referenced is IN_USE.
	 */
	@Transactional
	public void delete(Table table, Row current) {
		List<String> key = TableSql.keyOf(table, current.values());
		References.deleteOrRefuse(jdbc, table, key);
		events.publishEvent(TableSql.change(table, current.key(table.keys()), RecordChange.Kind.DELETED,
				TableSql.diff(table, current, null), Map.of(), null, numbers.next(), current.version(),
				Actor.current()));
	}

	/**
	 * {@link #delete(Table, Row)} published as another event of the module than its
	 * deletion (a contact merged into another), with what it adds to the diff first.
	 * @param entryNo the number of its first change-log entry, or null for the next one
	 */
	@Transactional
	public void delete(Table table, Row current, Actor by, RecordEvent.Factory as, List<FieldChange> first,
			@Nullable Long entryNo) {
		List<String> key = TableSql.keyOf(table, current.values());
		References.deleteOrRefuse(jdbc, table, key);
		List<FieldChange> changes = new ArrayList<>(first);
		changes.addAll(TableSql.diff(table, current, null));
		events.publishEvent(as.of(new RecordChange(table.recordType(), table.changeLogNo(current.key(table.keys())),
				RecordChange.Kind.DELETED, changes, Map.of(), by, null, entryNo != null ? entryNo : numbers.next(),
				current.version())));
	}

	private Row write(Table table, Row current, ExpectedVersion expected, Map<String, @Nullable Object> values) {
		checkVersion(table, current, expected);
		return update(table, current, values, Actor.current());
	}

	/**
	 * Writes the fields whose values differ from the current row, after the same checks
	 * as a request, and publishes the change. When nothing differs nothing is written,
	 * the version stays, and no event goes out: that is what ends the sync's cascades.
	 * @param current the row as read with {@link #lock}
	 * @param values every field's new value
	 * @param by who makes the change, through what, and on behalf of which change
	 */
	@Transactional
	public Row update(Table table, Row current, Map<String, @Nullable Object> values, Actor by) {
		List<FieldChange> changes = TableSql.diff(table, current, new Row(values, current.version()));
		checks.validate(table, values, changes.stream().map(FieldChange::field).collect(Collectors.toSet()));
		if (changes.isEmpty()) {
			// Nothing really changed: nothing is written and no event goes out.
			return current;
		}
		List<Field> changed = table.fields()
			.stream()
			.filter(f -> TableSql.written(f, changes, current, values))
			.toList();
		List<Field> written = new ArrayList<>(changed);
		// To the microsecond, as PostgreSQL keeps it: the row this returns is the answer
		// to the change, and must read as the stored one will.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		table.fields().stream().filter(Field::isTimestamp).forEach(stamp -> {
			values.put(stamp.name(), now);
			written.add(stamp);
		});
		// The changed columns come back as stored: what the database made of a value (a
		// trigger, a type's rounding) is what the event carries on and the sync compares.
		String sql = "UPDATE " + table.table() + " SET "
				+ written.stream().map(f -> f.column() + " = :" + f.column()).collect(Collectors.joining(", "))
				+ ", version = " + RowVersions.next(table.table()) + TableSql.whereKey(table) + " RETURNING version"
				+ changed.stream().map(f -> ", " + f.column()).collect(Collectors.joining());
		Map<String, Object> params = TableSql.columnParams(written, values);
		params.putAll(TableSql.keyParams(table, TableSql.keyOf(table, current.values())));
		boolean[] storedOtherwise = { false };
		long version = jdbc.sql(sql).params(params).query((rs, n) -> {
			for (Field field : changed) {
				Object stored = field.fromColumn(rs.getObject(field.column()));
				if (!Objects.equals(stored, values.get(field.name()))) {
					values.put(field.name(), stored);
					storedOtherwise[0] = true;
				}
			}
			return rs.getLong("version");
		}).single();
		Row updated = new Row(values, version);
		List<FieldChange> stored = storedOtherwise[0] ? TableSql.diff(table, current, updated) : changes;
		Map<String, @Nullable Object> changedValues = new LinkedHashMap<>();
		changed.forEach(f -> changedValues.put(f.name(), values.get(f.name())));
		events.publishEvent(TableSql.change(table, current.key(table.keys()), RecordChange.Kind.UPDATED, stored,
				changedValues, updated, numbers.next(), version, by));
		return updated;
	}

	public Row lock(Table table, List<String> key) {
		return jdbc.sql(TableSql.lockByKey(table))
			.params(TableSql.keyParams(table, key))
			.query((rs, n) -> TableSql.toRow(table, rs))
			.optional()
			.orElseThrow(() -> new Problems.NotFound(table.named(), String.join("/", key)));
	}

	public static void checkVersion(Table table, Row current, ExpectedVersion expected) {
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(table.named(), current.key(table.keys()), current.version());
		}
	}

	/** Maps a result set row of {@code SELECT *}-like queries to a row of the table. */
	public RowMapper<Row> rows(Table table) {
		return (rs, n) -> TableSql.toRow(table, rs);
	}

}
