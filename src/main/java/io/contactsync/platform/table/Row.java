package io.contactsync.platform.table;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row of a setup table: its values by JSON field name, and its version.
 */
public final class Row {

	private final Map<String, @Nullable Object> values;

	private final long version;

	Row(Map<String, @Nullable Object> values, long version) {
		this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		this.version = version;
	}

	public @Nullable Object get(String field) {
		return values.get(field);
	}

	public @Nullable String text(String field) {
		Object value = values.get(field);
		return value == null ? null : value.toString();
	}

	public boolean flag(String field) {
		return Boolean.TRUE.equals(values.get(field));
	}

	public @Nullable Long number(String field) {
		Object value = values.get(field);
		return value == null ? null : ((Number) value).longValue();
	}

	public @Nullable BigDecimal amount(String field) {
		return (BigDecimal) values.get(field);
	}

	public long version() {
		return version;
	}

	/** Every field's value, by JSON name; unmodifiable. */
	public Map<String, @Nullable Object> values() {
		return values;
	}

	/** A copy of the values to change and hand back to the store. */
	public Map<String, @Nullable Object> copyValues() {
		return new LinkedHashMap<>(values);
	}

	/** The key as the API and the change log show it: its values joined with '/'. */
	String key(List<Field> keys) {
		return String.join("/", keys.stream().map(k -> String.valueOf(values.get(k.name()))).toList());
	}

}
