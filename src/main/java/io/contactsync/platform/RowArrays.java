package io.contactsync.platform;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rows as one PostgreSQL array of a table's own row type, for bulk statements that read
 * them with {@link #from}: a whole page of rows is one statement with one parameter,
 * whatever the number of rows and columns, and the server reads each value as its
 * column's type (and refuses what does not fit).
 * <p>
 * Why an array of rows and not JSON: PostgreSQL reads this text form two to five times as
 * fast as the same rows as JSON ({@code jsonb_populate_recordset}), 2 to 5 µs a row
 * against 8 to 10, and a job's page writes tens of thousands of rows (bench/README.md,
 * "Bulk rows as arrays"). The text form needs every column of the table in its order,
 * which is read from the database once per table.
 */
@Component
public class RowArrays {

	private final JdbcClient jdbc;

	private final Map<String, Columns> columnsByTable = new ConcurrentHashMap<>();

	private record Columns(List<String> ordered, Set<String> known) {
	}

	RowArrays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rows of a parameter made by {@link #of} as a set of rows of the table, to
	 * select from: {@code INSERT INTO t (a, b) SELECT a, b FROM } +
	 * {@code from("t", "rows")}.
	 */
	public static String from(String table, String parameter) {
		return "unnest(CAST(:" + parameter + " AS " + table + "[]))";
	}

	/**
	 * @param table the table whose row type the rows take; columns a row does not name
	 * are NULL in it (a statement inserts only the columns it lists, so their defaults
	 * hold)
	 * @param rows each row's values by column name
	 * @throws IllegalArgumentException for a name that is not a column of the table
	 */
	public String of(String table, List<? extends Map<String, ? extends @Nullable Object>> rows) {
		Columns columns = columnsByTable.computeIfAbsent(table, this::read);
		StringBuilder text = new StringBuilder(rows.size() * columns.ordered().size() * 12 + 2).append('{');
		for (int r = 0; r < rows.size(); r++) {
			Map<String, ? extends @Nullable Object> row = rows.get(r);
			if (!columns.known().containsAll(row.keySet())) {
				Set<String> unknown = new HashSet<>(row.keySet());
				unknown.removeAll(columns.known());
				throw new IllegalArgumentException("No such column of " + table + ": " + unknown);
			}
			text.append(r == 0 ? "\"(" : ",\"(");
			for (int c = 0; c < columns.ordered().size(); c++) {
				if (c > 0) {
					text.append(',');
				}
				Object value = row.get(columns.ordered().get(c));
				if (value != null) {
					// quoted as a field of the row, inside the quoted element of the
					// array: its quotes and backslashes are escaped for both
					text.append("\\\"");
					escaped(text, rendered(value));
					text.append("\\\"");
				}
			}
			text.append(")\"");
		}
		return text.append('}').toString();
	}

	private Columns read(String table) {
		List<String> ordered = jdbc
			.sql("SELECT attname FROM pg_attribute WHERE attrelid = CAST(? AS regclass) AND attnum > 0"
					+ " AND NOT attisdropped ORDER BY attnum")
			.param(table)
			.query(String.class)
			.list();
		if (ordered.isEmpty()) {
			throw new IllegalArgumentException("No such table: " + table);
		}
		return new Columns(List.copyOf(ordered), Set.copyOf(ordered));
	}

	private static String rendered(Object value) {
		return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
	}

	private static void escaped(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '"' -> text.append("\\\\\\\"");
				case '\\' -> text.append("\\\\\\\\");
				default -> text.append(ch);
			}
		}
	}

}
