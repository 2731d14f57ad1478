package io.contactsync.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.contactsync.platform.RowArrays;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.DataChecks;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search strings of company contacts, kept current as companies are made and changed,
 * one by one or in bulk: the first and last five characters of the name, address, city,
 * post code, phone and VAT number (docs/rules.md, "Duplicate search"). People have none.
 * {@link DuplicateSearch} finds duplicates through them.
 */
@Component
class SearchStrings {

	private static final List<String> FIELDS = List.of("name", "address", "city", "postCode", "phoneNo",
			"vatRegistrationNo");

	/**
	 * For each field a string is read from (besides the type, which decides whether there
	 * are any), the field whose strings it makes: the phone's from its E.164 form, the
	 * VAT number's as the country reads it.
	 */
	private static final Map<String, String> STRING_FIELDS = Map.of("name", "name", "address", "address", "city",
			"city", "postCode", "postCode", "phoneNo", "phoneNo", "phoneNoE164", "phoneNo", "vatRegistrationNo",
			"vatRegistrationNo", "countryRegionCode", "vatRegistrationNo");

	/** The fields whose change may change a company's strings: those and the type. */
	private static final List<String> INDEXED = Stream.concat(STRING_FIELDS.keySet().stream(), Stream.of("type"))
		.toList();

	private final JdbcClient jdbc;

	private final SetupApi setup;

	private final Contacts contacts;

	private final RowArrays rowArrays;

	SearchStrings(JdbcClient jdbc, SetupApi setup, Contacts contacts, RowArrays rowArrays) {
		this.jdbc = jdbc;
		this.rowArrays = rowArrays;
		this.setup = setup;
		this.contacts = contacts;
	}

	/** Keeps the strings of a contact current whenever it is made or changed. */
	@EventListener
	void on(ContactCreated created) {
		onWritten(created.change());
	}

	@EventListener
	void on(ContactChanged changed) {
		onWritten(changed.change());
	}

	private void onWritten(RecordChange change) {
		if (!setup.marketing().flag("maintainDuplicateSearchStrings")) {
			return;
		}
		if (change.kind() == RecordChange.Kind.UPDATED && INDEXED.stream().noneMatch(change::changed)) {
			return;
		}
		boolean created = change.kind() == RecordChange.Kind.CREATED;
		if (created && ContactType.PERSON.is(change.values().get("type"))) {
			// a person has no strings, and a new one none to remove
			return;
		}
		if (created || change.changed("type")) {
			index(change.written(), !created);
			return;
		}
		if (ContactType.COMPANY.is(change.written().text("type"))) {
			refresh(change);
		}
	}

	/**
	 * Rewrites the strings of the fields a change touched, and only those whose value
	 * moved: a change of the phone writes its last five characters, not the ten strings
	 * of the company again with their index entries and foreign-key checks. Every field
	 * with a value has both its strings, so setting the new ones, and inserting those
	 * missing, leaves nothing stale; a field emptied has its strings deleted. Only the
	 * touched fields' strings are worked out: a phone's change does not read the VAT
	 * number as an organisation number again.
	 */
	private void refresh(RecordChange change) {
		Set<String> fields = STRING_FIELDS.keySet()
			.stream()
			.filter(change::changed)
			.map(STRING_FIELDS::get)
			.collect(Collectors.toSet());
		Row company = change.written();
		List<String[]> strings = strings(company, fields);
		Set<String> filled = strings.stream().map(string -> string[0]).collect(Collectors.toSet());
		String[] emptied = fields.stream().filter(field -> !filled.contains(field)).toArray(String[]::new);
		String no = company.text("no");
		if (emptied.length > 0) {
			jdbc.sql("DELETE FROM duplicate_search_string WHERE contact_no = ? AND field = ANY(?)")
				.params(no, emptied)
				.update();
		}
		if (!strings.isEmpty() && updateMoved(no, strings) > 0) {
			// Still an upsert, not DO NOTHING: a string another transaction inserted
			// since (the rebuild job, from the company as it read it) takes this
			// change's value.
			insert(no, strings, " ON CONFLICT (contact_no, field, part) DO UPDATE SET value = EXCLUDED.value"
					+ " WHERE s.value <> EXCLUDED.value");
		}
	}

	/**
	 * Sets the strings that are there and moved, in one statement that inserts nothing:
	 * an insert, even one that only updates on conflict, runs the signature's statement
	 * trigger as well (a phone's change: 0.26 ms as an upsert, 0.18 ms this way, median
	 * execution times on the 2-core machine). Answers how many of the strings are not
	 * there at all (a field filled that was empty, a company changed while maintenance
	 * was off), which the caller then inserts.
	 */
	private long updateMoved(String no, List<String[]> strings) {
		List<Object> params = new ArrayList<>();
		// The update in WITH runs whether or not the query reads it; the count reads the
		// table as it was before it, so a string the update moved counts as there.
		return jdbc
			.sql("WITH v (contact_no, field, part, value) AS (VALUES " + rows(no, strings, params) + "),"
					+ " moved AS (UPDATE duplicate_search_string s SET value = v.value FROM v"
					+ " WHERE (s.contact_no, s.field, s.part) = (v.contact_no, v.field, v.part) AND s.value <> v.value"
					+ " RETURNING 1) SELECT count(*) FROM v WHERE NOT EXISTS (SELECT FROM duplicate_search_string s"
					+ " WHERE (s.contact_no, s.field, s.part) = (v.contact_no, v.field, v.part))")
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * One statement for a contact's strings, with what to do when one is there already.
	 */
	private void insert(String no, List<String[]> strings, String onConflict) {
		if (strings.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		jdbc.sql("INSERT INTO duplicate_search_string AS s (contact_no, field, part, value) VALUES "
				+ rows(no, strings, params) + onConflict)
			.params(params)
			.update();
	}

	/**
	 * A contact's strings as rows of a VALUES list (contact, field, part, value), their
	 * parameters added to {@code params}.
	 */
	private static String rows(String no, List<String[]> strings, List<Object> params) {
		StringBuilder values = new StringBuilder();
		for (String[] string : strings) {
			values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
			params.addAll(List.of(no, string[0], string[1], string[2]));
		}
		return values.toString();
	}

	/**
	 * Keeps the strings of contacts made or changed in bulk current: one statement for
	 * them all.
	 */
	@EventListener
	void on(RecordChange.Batch batch) {
		if (!batch.recordType().equals(Contacts.RECORD_TYPE) || batch.kind() == RecordChange.Kind.DELETED
				|| !setup.marketing().flag("maintainDuplicateSearchStrings")) {
			return;
		}
		List<RecordChange> relevant = batch.entries()
			.stream()
			.map(RecordEvent::change)
			.filter(change -> change.kind() == RecordChange.Kind.CREATED || INDEXED.stream().anyMatch(change::changed))
			.toList();
		if (relevant.isEmpty()) {
			return;
		}
		if (batch.kind() == RecordChange.Kind.CREATED) {
			// Contacts this batch made have no strings yet, and the batch carries their
			// rows as written: nothing to delete, nothing to read back.
			insertAll(relevant.stream()
				.map(RecordChange::written)
				.filter(contact -> ContactType.COMPANY.is(contact.text("type")))
				.toList());
			return;
		}
		reindex(relevant.stream().map(RecordChange::no).toArray(String[]::new));
	}

	/**
	 * Writes the strings of these contacts anew, with a statement or two for them all.
	 */
	void reindex(String[] nos) {
		jdbc.sql("DELETE FROM duplicate_search_string WHERE contact_no = ANY(?)").param(nos).update();
		insertAll(jdbc.sql("SELECT * FROM contact WHERE no = ANY(?) AND type = 'COMPANY'")
			.param(nos)
			.query(contacts.rows())
			.list());
	}

	/** The strings of these companies, which have none yet, in one statement. */
	private void insertAll(List<Row> companies) {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (Row contact : companies) {
			strings(contact).forEach(string -> rows.add(Map.of("contact_no", contact.text("no"), "field", string[0],
					"part", string[1], "value", string[2])));
		}
		if (!rows.isEmpty()) {
			jdbc.sql("INSERT INTO duplicate_search_string (contact_no, field, part, value)"
					+ " SELECT contact_no, field, part, value FROM "
					+ RowArrays.from("duplicate_search_string", "rows"))
				.param("rows", rowArrays.of("duplicate_search_string", rows))
				.update();
		}
	}

	/** Writes a contact's strings anew: a company's from its values, a person's none. */
	void index(Row contact) {
		index(contact, true);
	}

	private void index(Row contact, boolean replacing) {
		if (replacing) {
			jdbc.sql("DELETE FROM duplicate_search_string WHERE contact_no = ?").param(contact.text("no")).update();
		}
		if (!ContactType.COMPANY.is(contact.text("type"))) {
			return;
		}
		insert(contact.text("no"), strings(contact), "");
	}

	/**
	 * A company's strings: field, FIRST or LAST, and the five characters. The phone is
	 * taken in E.164 where it could be read and the VAT number as the organisation number
	 * it names, so that "22 33 44 55" and "+47 22334455", "NO923609016MVA" and
	 * "923609016" are the same (docs/rules.md, "Duplicate search").
	 */
	private static List<String[]> strings(Row contact) {
		return strings(contact, Set.copyOf(FIELDS));
	}

	/** The strings of these of the contact's fields only. */
	private static List<String[]> strings(Row contact, Set<String> fields) {
		List<String[]> strings = new ArrayList<>();
		for (String field : FIELDS) {
			if (!fields.contains(field)) {
				continue;
			}
			String key = searchKey(switch (field) {
				case "phoneNo" -> contact.text("phoneNoE164") == null || contact.text("phoneNoE164").isEmpty()
						? contact.text(field) : contact.text("phoneNoE164");
				case "vatRegistrationNo" ->
					DataChecks.organisationNumber(contact.text(field), contact.get("countryRegionCode"));
				default -> contact.text(field);
			});
			if (!key.isEmpty()) {
				strings.add(new String[] { field, "FIRST", key.substring(0, Math.min(5, key.length())) });
				strings.add(new String[] { field, "LAST", key.substring(Math.max(0, key.length() - 5)) });
			}
		}
		return strings;
	}

	/** The value with spaces and punctuation removed, upper-cased. */
	static String searchKey(@Nullable String value) {
		if (value == null) {
			return "";
		}
		StringBuilder key = new StringBuilder();
		value.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
		return key.toString().toUpperCase(Locale.ROOT);
	}

}
