package io.contactsync.platform.table;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;

/**
 * A table described by its fields: the setup tables (code lists, business relations,
 * templates, settings) and the records (contacts, customers, ...). One generic store
 * reads and writes them all with the same API conventions (validation, ETags, merge
 * patch, paging, change events), so each keeps only the rules that are its own.
 *
 * @param recordType the change log's record type: SETUP for setup tables, else the
 * record's
 * @param resource the last path segment of the API ({@code business-relations})
 * @param table the database table
 * @param title what one row is called in messages ("Business relation")
 * @param keys the key fields, in order; empty for a singleton
 * @param fields the other fields, in the order the API shows them
 * @param rules checks across fields, run after every field passed its own
 * @param events makes the owning module's typed event of each change to a row
 * @param byName the keys and fields by name, made from them: every read and write of a
 * row looks its fields up by name (a search through the list took 2 % of a creation's
 * time)
 */
public record Table(String recordType, String resource, String table, String title, List<Field> keys,
		List<Field> fields, BiConsumer<Row, List<FieldError>> rules, RecordEvent.Factory events,
		Map<String, Field> byName) {

	private Table(String recordType, String resource, String table, String title, List<Field> keys, List<Field> fields,
			BiConsumer<Row, List<FieldError>> rules, RecordEvent.Factory events) {
		this(recordType, resource, table, title, keys, fields, rules, events,
				Stream.concat(keys.stream(), fields.stream())
					.collect(Collectors.toUnmodifiableMap(Field::name, Function.identity())));
	}

	/** A setup table; the change log names its rows by resource and key. */
	public static Table of(String resource, String table, String title, List<Field> keys, Field... fields) {
		return new Table("SETUP", resource, table, title, List.copyOf(keys), List.of(fields), (row, errors) -> {
		}, SetupChanged::new);
	}

	/** A setup table of one row, read with GET and replaced with PUT. */
	public static Table singleton(String resource, String table, String title, Field... fields) {
		return of(resource, table, title, List.of(), fields);
	}

	/**
	 * A record table, keyed by {@code no}; the change log names its rows by number, and
	 * each change to a row is published as the owning module's typed event.
	 */
	public static Table record(String recordType, String resource, String table, String title, Field key,
			List<Field> fields, RecordEvent.Factory events) {
		return new Table(recordType, resource, table, title, List.of(key), List.copyOf(fields), (row, errors) -> {
		}, events);
	}

	public Table withRules(BiConsumer<Row, List<FieldError>> rules) {
		return new Table(recordType, resource, table, title, keys, fields, rules, events);
	}

	/**
	 * What one row is called, in the reader's language: the record type, or for a setup
	 * table its own name (SALESPERSON); the title where the bundles lack it.
	 */
	public Message named() {
		return Message.orElse("record." + kind(), title);
	}

	/** The record type, or for a setup table the table's name in upper case. */
	public String kind() {
		return recordType.equals("SETUP") ? table.toUpperCase(Locale.ROOT) : recordType;
	}

	public boolean isSingleton() {
		return keys.isEmpty();
	}

	/**
	 * The keys, then the other fields: a view, not a copy, since every read and write of
	 * a row walks it.
	 */
	public List<Field> allFields() {
		return new AbstractList<>() {

			@Override
			public Field get(int index) {
				return index < keys.size() ? keys.get(index) : fields.get(index - keys.size());
			}

			@Override
			public int size() {
				return keys.size() + fields.size();
			}

		};
	}

	public Optional<Field> field(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	boolean isKey(String name) {
		return keys.stream().anyMatch(k -> k.name().equals(name));
	}

	/** How the change log names a row of this table. */
	String changeLogNo(String key) {
		if (!recordType.equals("SETUP")) {
			return key;
		}
		return key.isEmpty() ? resource : resource + "/" + key;
	}

}
