package io.contactsync.contact;

import io.contactsync.setup.ContactType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicate company contacts (docs/rules.md, "Duplicate search"), found by the search
 * strings {@link SearchStrings} keeps for each company as it is made and changed.
 */
@Service
public class DuplicateSearch {

	/**
	 * How many holders of each rare string are looked at: the answer is exact while the
	 * rarest strings of a company are shared by fewer companies.
	 */
	private static final int MAX_CANDIDATES = 1000;

	private final JdbcClient jdbc;

	private final SetupApi setup;

	private final Contacts contacts;

	private final SearchStrings searchStrings;

	DuplicateSearch(JdbcClient jdbc, SetupApi setup, Contacts contacts, SearchStrings searchStrings) {
		this.jdbc = jdbc;
		this.setup = setup;
		this.contacts = contacts;
		this.searchStrings = searchStrings;
	}

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

	/**
	 * How many of these contacts have duplicates (not marked separate), with one query:
	 * what a batch job reports. The same answer as {@link #of} for each, worked out for
	 * the page at once: the strings its contacts share are ranked once.
	 */
	@Transactional(readOnly = true)
	public long countWithDuplicates(List<String> contactNos) {
		if (contactNos.isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT count(*) FROM contacts_with_duplicates(:nos, :percent, :candidates)")
			.param("nos", contactNos.toArray(String[]::new))
			.param("percent", setup.marketing().number("searchHitPercent").intValue())
			.param("candidates", MAX_CANDIDATES)
			.query(Long.class)
			.single();
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
		return searchesOnSave(contact) ? of(contact.text("no"), false) : null;
	}

	/**
	 * Whether autosearch looks for a saved contact's duplicates: a company's, when on.
	 */
	@Transactional(readOnly = true)
	public boolean searchesOnSave(Row contact) {
		return ContactType.COMPANY.is(contact.text("type")) && setup.marketing().flag("autosearchForDuplicates");
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
		searchStrings.reindex(nos.toArray(String[]::new));
		return nos.isEmpty() ? null : nos.get(nos.size() - 1);
	}

}
