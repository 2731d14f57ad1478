package io.contactsync.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesMissing;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.table.Records;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.TableJson;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.DataChecks;
import io.contactsync.setup.PostCodeLookup;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts: companies and their people, and their life: created (by hand, from a
 * customer, vendor or bank account, in bulk by a job), changed, deleted with their
 * people. Each write checks and fills the contact's values first ({@link ContactRules}),
 * and a company's change reaches its people (docs/rules.md, "Person inheritance"). Every
 * change is published as {@link ContactCreated}, {@link ContactChanged} or
 * {@link ContactDeleted}.
 */
@Service
public class Contacts {

	/** How the change log and the change events name a contact. */
	public static final String RECORD_TYPE = "CONTACT";

	private final Records records;

	private final ContactRules rules;

	private final JdbcClient jdbc;

	private final SetupApi setup;

	private final NumberSeries numberSeries;

	private final ApplicationEventPublisher events;

	private final MergedNumbers merged;

	Contacts(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events, PostCodeLookup postCodes, DataChecks checks, MergedNumbers merged) {
		this.merged = merged;
		this.records = new Records(store, ContactTable.TABLE, jdbc);
		this.rules = new ContactRules(records, jdbc, setup, postCodes, checks);
		this.jdbc = jdbc;
		this.setup = setup;
		this.numberSeries = numberSeries;
		this.events = events;
	}

	public Table table() {
		return records.table();
	}

	/** Maps the rows of {@code SELECT *} on the contact table. */
	public RowMapper<Row> rows() {
		return records.rows();
	}

	/** A contact; a merged one answers where it went (404 MERGED). */
	@Transactional(readOnly = true)
	public Row get(String no) {
		try {
			return records.get(no);
		}
		catch (Problems.NotFound ex) {
			throw merged.notFound(no, ex);
		}
	}

	@Transactional(readOnly = true)
	public Optional<Row> find(String no) {
		return records.find(no);
	}

	/**
	 * {@link #find}, without reading a contact this transaction has just written (a
	 * record's company contact, the person typed as its contact): as written.
	 */
	@Transactional(readOnly = true)
	public Optional<Row> findLatest(String no) {
		return records.findLatest(no);
	}

	/** The contacts with these numbers that exist, by number, read in one query. */
	@Transactional(readOnly = true)
	public Map<String, Row> getAll(Collection<String> nos) {
		return records.getAll(nos);
	}

	/**
	 * Creates a contact typed in by a user: besides what it inherits from its company, it
	 * takes marketing setup's defaults where it is still empty.
	 */
	@Transactional
	public Row create(JsonNode body) {
		Map<String, @Nullable Object> values = records.read(body, TableJson.Mode.CREATE);
		Set<String> typed = Set.copyOf(values.keySet());
		values.put("no", numberFor((String) values.get("no")));
		rules.fillNew(values);
		Row marketing = setup.marketing();
		fillIfEmpty(values, "languageCode", marketing.text("defaultLanguageCode"));
		fillIfEmpty(values, "countryRegionCode", marketing.text("defaultCountryRegionCode"));
		fillIfEmpty(values, "salespersonCode", marketing.text("defaultSalespersonCode"));
		fillIfEmpty(values, "territoryCode", marketing.text("defaultTerritoryCode"));
		rules.check(values, null, typed);
		return records.insert(values, Actor.current());
	}

	/**
	 * Creates a contact from typed values (from a record, by the application), numbered
	 * from its series unless {@code no} is given.
	 * @return the contact as written, without reading it back
	 */
	@Transactional
	public Row insert(Map<String, @Nullable Object> given) {
		return insert(given, Actor.current());
	}

	/**
	 * {@link #insert} on behalf of another change (a name typed as a record's contact).
	 * @param by who the contact is made for and the change that caused it
	 */
	@Transactional
	public Row insert(Map<String, @Nullable Object> given, Actor by) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(given);
		values.put("no", numberFor((String) values.get("no")));
		rules.fillNew(values);
		rules.check(values, null, Set.of());
		return records.insert(values, by);
	}

	/**
	 * {@link #insert} for many contacts at once, as a job's page: numbers drawn in one
	 * block, one statement and one batch event for them all.
	 * @return the contacts as stored, in the given order
	 */
	@Transactional
	public List<Row> insertAll(List<Map<String, @Nullable Object>> given) {
		if (given.isEmpty()) {
			return List.of();
		}
		List<String> nos = numbersFor(given.size());
		List<Map<String, @Nullable Object>> all = new ArrayList<>(given.size());
		for (int i = 0; i < given.size(); i++) {
			Map<String, @Nullable Object> values = new LinkedHashMap<>(given.get(i));
			values.put("no", nos.get(i));
			all.add(values);
		}
		rules.fillNewAll(all);
		all.forEach(values -> rules.check(values, null, Set.of()));
		return records.insertAll(all);
	}

	/** Changes a contact by merge patch, if it is still at the expected version. */
	@Transactional
	public Row patch(String no, ExpectedVersion expected, JsonNode patch) {
		Map<String, @Nullable Object> changes = records.read(patch, TableJson.Mode.PATCH);
		Row current = lockAt(no, expected);
		Row changed = change(current, changes, Actor.current(), changes.keySet());
		// The sync may have changed it again (a record's value stored otherwise): answer
		// as the last write stored it.
		return changed == current ? current : records.latest(no);
	}

	/**
	 * Changes fields without a version check, for changes the application makes on the
	 * user's behalf (the sync). Fields that already have their new values change nothing.
	 * @param by who the change is made for and what caused it: for a carried change the
	 * cause's {@code carrier()}
	 */
	@Transactional
	public void apply(String no, Map<String, @Nullable Object> changes, Actor by) {
		change(records.lock(no), changes, by, by.origin() == ChangeOrigin.SYNC ? Set.of() : changes.keySet());
	}

	/** Deletes a contact; a company's people go first. */
	@Transactional
	public void delete(String no, ExpectedVersion expected) {
		delete(lockAt(no, expected));
	}

	private Row lockAt(String no, ExpectedVersion expected) {
		try {
			return records.lockAt(no, expected);
		}
		catch (Problems.NotFound ex) {
			throw merged.notFound(no, ex);
		}
	}

	/** Where a merged contact's number lives on now; null for one never merged. */
	@Nullable String mergedInto(String no) {
		return merged.survivorOf(no).orElse(null);
	}

	/** The steps of the contact's table, for the merge of contacts. */
	Records records() {
		return records;
	}

	@Transactional(readOnly = true)
	public Page<Row> list(@Nullable String type, @Nullable String companyNo, @Nullable String businessRelation,
			@Nullable String query, @Nullable Integer limit, @Nullable String cursor) {
		return list(type, companyNo, false, businessRelation, query, limit, cursor);
	}

	/**
	 * @param includeRoles with {@code companyNo}: the people who hold a current role at
	 * the company too (docs/rules.md, "Roles at other companies")
	 */
	@Transactional(readOnly = true)
	public Page<Row> list(@Nullable String type, @Nullable String companyNo, boolean includeRoles,
			@Nullable String businessRelation, @Nullable String query, @Nullable Integer limit,
			@Nullable String cursor) {
		ContactFilters filters = ContactFilters.of(type, companyNo, includeRoles, businessRelation);
		return records.list(filters.conditions(), filters.params(), limit, cursor, query);
	}

	/**
	 * The API form of a contact, as the API and the exports show it: every field and the
	 * version. A company is its own company inside; that shows as no company.
	 */
	public ObjectNode json(Row contact) {
		ObjectNode json = TableJson.write(records.table(), contact);
		if (ContactType.COMPANY.is(contact.text("type"))) {
			json.putNull("companyNo");
			json.put("companyName", "");
		}
		return json;
	}

	/** The people of a company, by number. */
	@Transactional(readOnly = true)
	public List<String> peopleOf(String companyNo) {
		return jdbc.sql("SELECT no FROM contact WHERE company_no = ? AND type = 'PERSON' ORDER BY no")
			.param(companyNo)
			.query(String.class)
			.list();
	}

	/**
	 * Records the contact's business relation summary (docs/rules.md, "Business relation
	 * summary"). It is derived from the relations, which are logged themselves, so it
	 * neither moves the version nor the log.
	 */
	@Transactional
	public void showBusinessRelation(String no, String summary) {
		records.show("contactBusinessRelation", no, summary);
	}

	/**
	 * Raises the contact's version for the running transaction, as its first write would:
	 * for a change that shows on the contact without a column of its own being written
	 * first (a link sets its relation summary, which {@link #showBusinessRelation} writes
	 * without a version). Later writes of the transaction stay in that version.
	 */
	@Transactional
	public void raiseVersion(String no) {
		records.raiseVersion(no);
	}

	/**
	 * @param typed the fields whose values the data checks may refuse: none for values
	 * carried from a record that passed them already
	 */
	Row change(Row current, Map<String, @Nullable Object> changes, Actor by, Set<String> typed) {
		Map<String, @Nullable Object> values = records.merged(current, changes);
		rules.fillChanged(current, values, changes.keySet());
		rules.check(values, current, typed);
		Row updated = records.write(current, values, by);
		if (updated != current) {
			passOnToPeople(current, updated, by);
		}
		return updated;
	}

	/**
	 * A company's change reaches its people where they still had the company's old value
	 * (docs/rules.md, "Person inheritance").
	 */
	private void passOnToPeople(Row before, Row after, Actor by) {
		if (!ContactType.COMPANY.is(after.text("type")) || !ContactType.COMPANY.is(before.text("type"))) {
			return;
		}
		List<String> inherited = PersonInheritance.fields(setup.marketing());
		if (Objects.equals(before.text("name"), after.text("name"))
				&& inherited.stream().allMatch(field -> Objects.equals(before.get(field), after.get(field)))) {
			// nothing a person shows of its company changed: its people are not looked up
			return;
		}
		for (String personNo : peopleOf(after.text("no"))) {
			Row person = records.lock(personNo);
			Map<String, @Nullable Object> changes = new LinkedHashMap<>();
			if (!Objects.equals(before.text("name"), after.text("name"))) {
				changes.put("companyName", after.text("name"));
			}
			for (String field : inherited) {
				Object old = before.get(field);
				Object now = after.get(field);
				if (!Objects.equals(old, now) && Objects.equals(person.get(field), old)) {
					changes.put(field, now);
				}
			}
			if (!changes.isEmpty()) {
				Map<String, @Nullable Object> values = records.merged(person, changes);
				// the company's values, which passed the checks: only normalised
				rules.check(values, person, Set.of());
				records.write(person, values, by);
			}
		}
	}

	/**
	 * Tells the other modules before the row goes (they refuse, or let go of what uses
	 * it); a company's people go first.
	 */
	private void delete(Row row) {
		if (ContactType.COMPANY.is(row.text("type"))) {
			for (String personNo : peopleOf(row.text("no"))) {
				delete(records.lock(personNo));
			}
		}
		events.publishEvent(new ContactDeleting(row.text("no"), row.text("type"), row.text("companyNo")));
		records.delete(row);
	}

	/**
	 * A number given by hand, if the series allows it; else the series' next free one.
	 */
	private String numberFor(@Nullable String givenNo) {
		if (givenNo != null && givenNo.isBlank()) {
			return numberFor(null);
		}
		Optional<String> series = Optional.ofNullable(setup.marketing().text("contactNos"));
		if (givenNo != null) {
			series.ifPresent(code -> numberSeries.checkManualNo(code, Problems.kindName("CONTACT"), givenNo));
			return givenNo;
		}
		return numberSeries.next(
				series.orElseThrow(() -> new NumberSeriesMissing(Problems.kindName("CONTACT"), "contactNos")),
				this::held);
	}

	/** Numbers that contacts hold, or held before they were merged into another. */
	private Set<String> held(List<String> nos) {
		return merged.held(nos);
	}

	private List<String> numbersFor(int count) {
		String series = Optional.ofNullable(setup.marketing().text("contactNos"))
			.orElseThrow(() -> new NumberSeriesMissing(Problems.kindName("CONTACT"), "contactNos"));
		return numberSeries.next(series, count, this::held);
	}

	private static void fillIfEmpty(Map<String, @Nullable Object> values, String field, @Nullable String value) {
		if (values.get(field) == null && value != null) {
			values.put(field, value);
		}
	}

}
