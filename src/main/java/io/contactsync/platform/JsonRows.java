package io.contactsync.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Rows as one JSON array, for bulk statements that read them with PostgreSQL's
 * {@code jsonb_populate_recordset(NULL::table, rows)}: a whole page of rows is one
 * statement with one parameter, whatever the number of rows and columns, and the server
 * casts each value to its column's type (and refuses what does not fit).
 */
public final class JsonRows {

	private JsonRows() {
	}

	/**
	 * @param columns the column names, the keys of each row's map
	 * @param rows each row's values by column name
	 */
	public static String of(List<String> columns, List<? extends Map<String, ? extends @Nullable Object>> rows) {
		StringBuilder json = new StringBuilder(rows.size() * columns.size() * 16 + 2).append('[');
		for (int r = 0; r < rows.size(); r++) {
			Map<String, ? extends @Nullable Object> row = rows.get(r);
			json.append(r == 0 ? "{" : ",{");
			for (int c = 0; c < columns.size(); c++) {
				String column = columns.get(c);
				if (c > 0) {
					json.append(',');
				}
				json.append('"').append(column).append("\":");
				value(json, row.get(column));
			}
			json.append('}');
		}
		return json.append(']').toString();
	}

	private static void value(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
			json.append(value);
		}
		else if (value instanceof BigDecimal decimal) {
			json.append(decimal.toPlainString());
		}
		else if (value instanceof Instant instant) {
			json.append('"').append(instant).append('"');
		}
		else {
			text(json, value.toString());
		}
	}

	private static void text(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			switch (ch) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (ch < 0x20) {
						json.append(String.format("\\u%04x", (int) ch));
					}
					else {
						json.append(ch);
					}
				}
			}
		}
		json.append('"');
	}

}
