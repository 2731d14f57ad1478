package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks a row passes before it is written: every field's own rules, the table's
 * rules across fields, and that the codes it refers to exist.
 */
@Component
class TableChecks {

	private final JdbcClient jdbc;

	TableChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void validate(Table table, Map<String, @Nullable Object> values) {
		validate(table, values, null);
	}

	/**
	 * Checks every field's own rules and the table's; references only where they changed
	 * ({@code changed}), or all when it is null: a code that was valid stays checked by
	 * its foreign key, and the sync need not ask again on every carried change.
	 */
	void validate(Table table, Map<String, @Nullable Object> values, @Nullable Set<String> changed) {
		checkOwnRules(table, values);
		checkReferences(table, List.of(values), changed);
	}

	/** Every field's own rules, then the table's. */
	void checkOwnRules(Table table, Map<String, @Nullable Object> values) {
		List<FieldError> errors = brokenRules(table, values);
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
	}

	/** The field's own rules and the table's that the values break. */
	static List<FieldError> brokenRules(Table table, Map<String, @Nullable Object> values) {
		List<FieldError> errors = new ArrayList<>();
		for (Field field : table.allFields()) {
			if (field.isReadOnly()) {
				// Derived by the application from fields that are checked themselves.
				continue;
			}
			FieldError error = field.check(values.get(field.name()));
			if (error != null) {
				errors.add(error);
			}
		}
		if (errors.isEmpty()) {
			table.rules().accept(new Row(values, 0), errors);
		}
		return errors;
	}

	/**
	 * Checks that the codes the rows refer to exist: one query per reference field,
	 * however many rows; only the fields in {@code changed}, or all when it is null.
	 */
	void checkReferences(Table table, List<Map<String, @Nullable Object>> rows, @Nullable Set<String> changed) {
		List<FieldError> unknown = new ArrayList<>();
		for (Field field : table.allFields()) {
			Field.Reference reference = field.reference();
			if (reference == null || (changed != null && !changed.contains(field.name()))) {
				continue;
			}
			Set<String> wanted = new java.util.TreeSet<>();
			rows.stream()
				.map(row -> row.get(field.name()))
				.filter(Objects::nonNull)
				.forEach(v -> wanted.add(v.toString()));
			if (wanted.isEmpty()) {
				continue;
			}
			Set<String> found = new java.util.HashSet<>(jdbc
				.sql("SELECT " + reference.column() + " FROM " + reference.table() + " WHERE " + reference.column()
						+ " = ANY(:values)")
				.param("values", wanted.toArray(String[]::new))
				.query(String.class)
				.list());
			wanted.stream()
				.filter(value -> !found.contains(value))
				.forEach(value -> unknown.add(new FieldError(field.name(), "invalid.unknownCode",
						Message.orElse("record." + reference.table().toUpperCase(Locale.ROOT), reference.what()),
						value)));
		}
		if (!unknown.isEmpty()) {
			throw new Problems.UnknownCode(unknown);
		}
	}

}
