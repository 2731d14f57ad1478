package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.contactsync.platform.FieldError;

/**
 * A setup table described by its fields: the code lists, business relations, templates
 * and settings that an administrator keeps. One generic store and one generic controller
 * serve them all, so each keeps the same API conventions (validation, ETags, merge patch,
 * paging, change log) without code of its own.
 *
 * @param resource the last path segment of the API ({@code business-relations}); also the
 * record's name in the change log
 * @param table the database table
 * @param title what one row is called in messages ("Business relation")
 * @param keys the key fields, in order; empty for a singleton
 * @param fields the other fields, in the order the API shows them
 * @param rules checks across fields, run after every field passed its own
 */
public record SetupTable(String resource, String table, String title, List<Field> keys, List<Field> fields,
		BiConsumer<Row, List<FieldError>> rules) {

	public static SetupTable of(String resource, String table, String title, List<Field> keys, Field... fields) {
		return new SetupTable(resource, table, title, List.copyOf(keys), List.of(fields), (row, errors) -> {
		});
	}

	/** A table of one row, read with GET and replaced with PUT. */
	public static SetupTable singleton(String resource, String table, String title, Field... fields) {
		return of(resource, table, title, List.of(), fields);
	}

	public SetupTable withRules(BiConsumer<Row, List<FieldError>> rules) {
		return new SetupTable(resource, table, title, keys, fields, rules);
	}

	public boolean isSingleton() {
		return keys.isEmpty();
	}

	/** Keys first, then the other fields. */
	public List<Field> allFields() {
		List<Field> all = new ArrayList<>(keys);
		all.addAll(fields);
		return all;
	}

	Optional<Field> field(String name) {
		return allFields().stream().filter(f -> f.name().equals(name)).findFirst();
	}

	boolean isKey(String name) {
		return keys.stream().anyMatch(k -> k.name().equals(name));
	}

}
