package io.contactsync.contact;

import io.contactsync.setup.ContactType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.platform.JsonRows;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.setup.DataChecks;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicate company contacts (docs/rules.md, "Duplicate search"), found by search strings
 * kept for each company as it is made and changed: the first and last five characters of
 * its name, address, city, post code, phone and VAT number. People are never indexed.
 */
@Service
public class DuplicateSearch {

	/**
	 * How many holders of each rare string are looked at: the answer is exact while the
	 * rarest strings of a company are shared by fewer companies.
	 */
	private static final int MAX_CANDIDATES = 1000;

	static final List<String> FIELDS = List.of("name", "address", "city", "postCode", "phoneNo", "vatRegistrationNo");

	private final JdbcClient jdbc;

	private final SetupApi setup;

	private final Contacts contacts;

	DuplicateSearch(JdbcClient jdbc, SetupApi setup, Contacts contacts) {
		this.jdbc = jdbc;
		this.setup = setup;
		this.contacts = contacts;
	}

	/** The fields whose change may change a company's strings. */
	private static final List<String> INDEXED = List.of("name", "address", "city", "postCode", "phoneNo", "phoneNoE164",
			"vatRegistrationNo", "countryRegionCode", "type");

	/**
	 * One possible duplicate of a contact, and why: the strings the two share, and their
	 * share of the contact's strings.
	 *
	 * @param matchingStrings how many of the contact's strings the duplicate shares
	 * @param searchStrings how many strings the contact has
	 * @param sharePercent matching of all, in whole percent (rounded down)
	 * @param matches the strings both have
	 */
	public record Duplicate(String contactNo, String duplicateContactNo, int matchingStrings, boolean separateContacts,
			int searchStrings, int sharePercent, List<SearchString> matches) {
	}

	/**
	 * A search string: the field it is made from, FIRST or LAST five characters, and
	 * those characters.
	 */
	public record SearchString(String field, String part, String value) {
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
		index(change.written(), !created);
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
		reindex(relevant.stream().map(RecordChange::no).toArray(String[]::new));
	}

	/**
	 * Writes the strings of these contacts anew, with a statement or two for them all.
	 */
	private void reindex(String[] nos) {
		jdbc.sql("DELETE FROM duplicate_search_string WHERE contact_no = ANY(?)").param(nos).update();
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (Row contact : jdbc.sql("SELECT * FROM contact WHERE no = ANY(?) AND type = 'COMPANY'")
			.param(nos)
			.query(contacts.rows())
			.list()) {
			strings(contact).forEach(string -> rows.add(Map.of("contact_no", contact.text("no"), "field", string[0],
					"part", string[1], "value", string[2])));
		}
		if (!rows.isEmpty()) {
			jdbc.sql("INSERT INTO duplicate_search_string (contact_no, field, part, value)"
					+ " SELECT contact_no, field, part, value"
					+ " FROM jsonb_populate_recordset(NULL::duplicate_search_string, CAST(:rows AS jsonb))")
				.param("rows", JsonRows.of(List.of("contact_no", "field", "part", "value"), rows))
				.update();
		}
	}

	/**
	 * How many of these contacts have duplicates (not marked separate), with one query:
	 * what a batch job reports.
	 */
	@Transactional(readOnly = true)
	public long countWithDuplicates(List<String> contactNos) {
		if (contactNos.isEmpty()) {
			return 0;
		}
		return jdbc
			.sql("SELECT count(*) FROM unnest(:nos) AS n(no) WHERE EXISTS (SELECT 1"
					+ " FROM contact_duplicates(n.no, :percent, :candidates) d WHERE NOT d.separate)")
			.param("nos", contactNos.toArray(String[]::new))
			.param("percent", setup.marketing().number("searchHitPercent").intValue())
			.param("candidates", MAX_CANDIDATES)
			.query(Long.class)
			.single();
	}

	/** Writes a contact's strings anew: a company's from its values, a person's none. */
	@Transactional
	public void index(Row contact) {
		index(contact, true);
	}

	private void index(Row contact, boolean replacing) {
		if (replacing) {
			jdbc.sql("DELETE FROM duplicate_search_string WHERE contact_no = ?").param(contact.text("no")).update();
		}
		if (!ContactType.COMPANY.is(contact.text("type"))) {
			return;
		}
		List<Object> params = new ArrayList<>();
		StringBuilder values = new StringBuilder();
		for (String[] string : strings(contact)) {
			values.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?)");
			params.addAll(List.of(contact.text("no"), string[0], string[1], string[2]));
		}
		if (!params.isEmpty()) {
			jdbc.sql("INSERT INTO duplicate_search_string (contact_no, field, part, value) VALUES " + values)
				.params(params)
				.update();
		}
	}

	/**
	 * The companies that share at least {@code searchHitPercent} of a contact's strings,
	 * found through the index of string values; pairs marked separate are left out unless
	 * {@code includeSeparate}.
	 */
	@Transactional(readOnly = true)
	public List<Duplicate> of(String contactNo, boolean includeSeparate) {
		contacts.get(contactNo);
		long percent = setup.marketing().number("searchHitPercent");
		record Found(String no, int matching, boolean separate) {
		}
		List<Found> found = jdbc
			.sql("SELECT duplicate_no, matching, separate FROM contact_duplicates(:no, :percent, :candidates)"
					+ " ORDER BY matching DESC, duplicate_no LIMIT 100")
			.param("no", contactNo)
			.param("percent", (int) percent)
			.param("candidates", MAX_CANDIDATES)
			.query((rs, n) -> new Found(rs.getString(1), rs.getInt(2), rs.getBoolean(3)))
			.list()
			.stream()
			.filter(duplicate -> includeSeparate || !duplicate.separate())
			.toList();
		if (found.isEmpty()) {
			return List.of();
		}
		int strings = jdbc.sql("SELECT count(*) FROM duplicate_search_string WHERE contact_no = ?")
			.param(contactNo)
			.query(Integer.class)
			.single();
		Map<String, List<SearchString>> shared = new HashMap<>();
		jdbc.sql("SELECT s.contact_no, s.field, s.part, s.value FROM duplicate_search_string s"
				+ " JOIN duplicate_search_string o ON o.contact_no = :no AND o.field = s.field AND o.part = s.part"
				+ " AND o.value = s.value WHERE s.contact_no = ANY(:duplicates) ORDER BY s.contact_no, s.field, s.part")
			.param("no", contactNo)
			.param("duplicates", found.stream().map(Found::no).toArray(String[]::new))
			.query((rs, n) -> shared.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
				.add(new SearchString(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
		return found.stream()
			.map(duplicate -> new Duplicate(contactNo, duplicate.no(), duplicate.matching(), duplicate.separate(),
					strings, strings == 0 ? 0 : duplicate.matching() * 100 / strings,
					List.copyOf(shared.getOrDefault(duplicate.no(), List.of()))))
			.toList();
	}

	/**
	 * The numbers of the duplicates {@link #of} finds (not marked separate), in its
	 * order, for many contacts with one query: what an import's page reports.
	 * @return by contact number; a contact without duplicates is left out
	 */
	@Transactional(readOnly = true)
	public Map<String, List<String>> duplicateNosOf(Collection<String> contactNos) {
		Map<String, List<String>> found = new HashMap<>();
		if (contactNos.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT n.no, d.duplicate_no FROM unnest(:nos) WITH ORDINALITY AS n(no, i) CROSS JOIN LATERAL"
				+ " (SELECT duplicate_no, matching, separate FROM contact_duplicates(n.no, :percent, :candidates)"
				+ " ORDER BY matching DESC, duplicate_no LIMIT 100) d"
				+ " WHERE NOT d.separate ORDER BY n.i, d.matching DESC, d.duplicate_no")
			.param("nos", contactNos.toArray(String[]::new))
			.param("percent", setup.marketing().number("searchHitPercent").intValue())
			.param("candidates", MAX_CANDIDATES)
			.query((rs, n) -> found.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return found;
	}

	/**
	 * What a create or change answers with when autosearch is on: null when it is off.
	 */
	@Transactional(readOnly = true)
	public @Nullable List<Duplicate> autosearch(Row contact) {
		if (!ContactType.COMPANY.is(contact.text("type")) || !setup.marketing().flag("autosearchForDuplicates")) {
			return null;
		}
		return of(contact.text("no"), false);
	}

	/**
	 * Marks a pair as separate contacts (or not): a separate pair is not reported again.
	 */
	@Transactional
	public void markSeparate(String contactNo, String otherNo, boolean separate) {
		contacts.get(contactNo);
		contacts.get(otherNo);
		if (contactNo.equals(otherNo)) {
			throw new Problems.ValidationFailed("duplicateContactNo", "invalid.anotherContact");
		}
		String first = contactNo.compareTo(otherNo) < 0 ? contactNo : otherNo;
		String second = first.equals(contactNo) ? otherNo : contactNo;
		if (separate) {
			jdbc.sql(
					"INSERT INTO separate_contacts (contact_no, other_contact_no) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(first, second)
				.update();
		}
		else {
			jdbc.sql("DELETE FROM separate_contacts WHERE contact_no = ? AND other_contact_no = ?")
				.params(first, second)
				.update();
		}
	}

	/**
	 * Rebuilds the strings of the companies after {@code afterNo}, a page at a time, for
	 * the batch job.
	 */
	@Transactional
	public @Nullable String rebuildPage(@Nullable String afterNo, int size) {
		List<String> nos = jdbc.sql("SELECT no FROM contact WHERE no > ? ORDER BY no LIMIT ?")
			.params(afterNo == null ? "" : afterNo, size)
			.query(String.class)
			.list();
		reindex(nos.toArray(String[]::new));
		return nos.isEmpty() ? null : nos.get(nos.size() - 1);
	}

	/**
	 * A company's strings: field, FIRST or LAST, and the five characters. The phone is
	 * taken in E.164 where it could be read and the VAT number as the organisation number
	 * it names, so that "22 33 44 55" and "+47 22334455", "NO923609016MVA" and
	 * "923609016" are the same (docs/rules.md, "Duplicate search").
	 */
	private static List<String[]> strings(Row contact) {
		List<String[]> strings = new ArrayList<>();
		for (String field : FIELDS) {
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
