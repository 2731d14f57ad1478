package io.contactsync.platform.table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the table engine: statements built from a table's fields, rows mapped to and
 * from their columns, and the change a write makes.
 */
final class TableSql {

	/**
	 * The reads of a row, made once a table: joining every column anew for each read took
	 * 3 % of a synced change's time in a profile, and each new text was hashed again by
	 * the caches of the JDBC layers. By table name; a table described anew with other
	 * fields is made anew.
	 */
	private static final ConcurrentMap<String, Reads> READS = new ConcurrentHashMap<>();

	private TableSql() {
	}

	static Map<String, @Nullable Object> withDefaults(Table table, Map<String, @Nullable Object> given) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (Field field : table.allFields()) {
			Object value = given.get(field.name());
			values.put(field.name(), value == null ? field.defaultValue() : value);
		}
		return values;
	}

	static List<FieldChange> diff(Table table, @Nullable Row before, @Nullable Row after) {
		List<FieldChange> changes = new ArrayList<>();
		for (Field field : table.allFields()) {
			if (field.isTimestamp() || field.isDerived()) {
				continue;
			}
			String old = before == null ? null : Field.asText(before.get(field.name()));
			String now = after == null ? null : Field.asText(after.get(field.name()));
			boolean blankOnCreateOrDelete = (before == null || after == null) && (old == null || old.isEmpty())
					&& (now == null || now.isEmpty());
			if (!Objects.equals(old, now) && !blankOnCreateOrDelete) {
				changes.add(new FieldChange(field.name(), old, now));
			}
		}
		return changes;
	}

	/** The owning module's typed event of a change to a row of this table. */
	static RecordEvent change(Table table, String key, RecordChange.Kind kind, List<FieldChange> changes,
			Map<String, @Nullable Object> values, @Nullable Row row, @Nullable Long entryNo, long version, Actor by) {
		return table.events()
			.of(new RecordChange(table.recordType(), table.changeLogNo(key), kind, changes,
					Collections.unmodifiableMap(new LinkedHashMap<>(values)), by, row, entryNo, version));
	}

	/**
	 * Whether a field is written with a change: it changed, or it is derived from the
	 * fields that did and its value differs.
	 */
	static boolean written(Field field, List<FieldChange> changes, Row before, Map<String, @Nullable Object> after) {
		if (field.isDerived()) {
			return !Objects.equals(Field.asText(before.get(field.name())), Field.asText(after.get(field.name())));
		}
		return changes.stream().anyMatch(c -> c.field().equals(field.name()));
	}

	/** Every column and the version of all rows. */
	static String select(Table table) {
		return reads(table).all();
	}

	/** {@link #select} of the row with the key's named parameters. */
	static String selectByKey(Table table) {
		return reads(table).byKey();
	}

	/** {@link #selectByKey}, locking the row to the end of the transaction. */
	static String lockByKey(Table table) {
		return reads(table).lockByKey();
	}

	private static Reads reads(Table table) {
		Reads made = READS.get(table.table());
		if (made == null || made.keys() != table.keys() || made.fields() != table.fields()) {
			String all = "SELECT " + columns(table.allFields()) + ", version FROM " + table.table();
			made = new Reads(table.keys(), table.fields(), all, all + whereKey(table),
					all + whereKey(table) + " FOR UPDATE");
			READS.put(table.table(), made);
		}
		return made;
	}

	/** The reads of a table described by these keys and fields. */
	private record Reads(List<Field> keys, List<Field> fields, String all, String byKey, String lockByKey) {
	}

	static String whereKey(Table table) {
		if (table.isSingleton()) {
			return "";
		}
		return " WHERE "
				+ table.keys().stream().map(k -> k.column() + " = :" + k.column()).collect(Collectors.joining(" AND "));
	}

	static Map<String, Object> keyParams(Table table, List<String> key) {
		if (key.size() != table.keys().size()) {
			throw new Problems.NotFound(table.named(), String.join("/", key));
		}
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < key.size(); i++) {
			Field field = table.keys().get(i);
			Object value = field.kind() == Field.Kind.CODE ? key.get(i).toUpperCase(Locale.ROOT) : key.get(i);
			params.put(field.column(), value);
		}
		return params;
	}

	static List<String> keyOf(Table table, Map<String, @Nullable Object> values) {
		return table.keys().stream().map(k -> String.valueOf(values.get(k.name()))).toList();
	}

	static Map<String, Object> columnParams(List<Field> fields, Map<String, @Nullable Object> values) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (Field field : fields) {
			Object value = values.get(field.name());
			params.put(field.column(), (value instanceof Instant instant) ? Timestamp.from(instant) : value);
		}
		return params;
	}

	static String columns(List<Field> fields) {
		return fields.stream().map(Field::column).collect(Collectors.joining(", "));
	}

	static Row toRow(Table table, ResultSet rs) throws SQLException {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (Field field : table.allFields()) {
			values.put(field.name(), field.fromColumn(rs.getObject(field.column())));
		}
		return new Row(values, rs.getLong("version"));
	}

	static List<Map<String, @Nullable Object>> byColumn(List<Field> fields, List<Map<String, @Nullable Object>> rows) {
		List<Map<String, @Nullable Object>> columns = new ArrayList<>(rows.size());
		for (Map<String, @Nullable Object> row : rows) {
			Map<String, @Nullable Object> byColumn = new java.util.HashMap<>();
			for (Field field : fields) {
				byColumn.put(field.column(), row.get(field.name()));
			}
			columns.add(byColumn);
		}
		return columns;
	}

}
