package io.contactsync.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.contactsync.platform.Message;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesMissing;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.table.Records;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a record a contact can be linked with, the same for customers, vendors and
 * bank accounts: numbered from its series in numbering setup, filled from a template
 * where its type has them and one is named, changed and deleted with the contact it is
 * linked to locked first, so that it takes its locks in the sync's order. Each module
 * extends it with its own rules ({@link Rules}) and publishes its own events through its
 * table; nothing here calls back into a module. (Its methods are not final only because
 * the transactional proxy of a service must be able to override them.)
 */
public abstract class LinkedRecordLife implements LinkedRecordService {

	/**
	 * What a linked record type decides for itself.
	 *
	 * @param type which of the three it is
	 * @param table its fields, and the events its changes become
	 * @param numbering the field of numbering setup that names its number series
	 * @param templates its templates by code; none for a type without templates
	 */
	public record Rules(LinkedRecordType type, Table table, String numbering,
			Function<String, Optional<Row>> templates) {
	}

	private final Rules rules;

	private final Records records;

	private final JdbcClient jdbc;

	private final SetupApi setup;

	private final NumberSeries numberSeries;

	private final ApplicationEventPublisher events;

	private final PostCodeLookup postCodes;

	private final DataChecks checks;

	protected LinkedRecordLife(Rules rules, Records records, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events, DataChecks checks) {
		this.checks = checks;
		this.rules = rules;
		this.records = records;
		this.jdbc = jdbc;
		this.setup = setup;
		this.numberSeries = numberSeries;
		this.events = events;
		this.postCodes = new PostCodeLookup(setup);
	}

	@Override
	public LinkedRecordType type() {
		return rules.type();
	}

	@Override
	public Table table() {
		return records.table();
	}

	@Override
	public RowMapper<Row> rows() {
		return records.rows();
	}

	@Override
	@Transactional(readOnly = true)
	public Row get(String no) {
		return records.get(no);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Row> find(String no) {
		return records.find(no);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<Row> list(@Nullable String query, @Nullable Integer limit, @Nullable String cursor) {
		return records.list(List.of(), Map.of(), limit, cursor, query);
	}

	@Override
	@Transactional
	public Row create(JsonNode body) {
		Requested request = requested(body);
		// Its creation's listeners may have linked it to a new contact: answer with that,
		// as the last write of this transaction stored it (read again only if unknown).
		return records.latest(insert(request.values(), request.typed()).text("no"));
	}

	/**
	 * A request body's values, with what its template fills.
	 *
	 * @param typed the fields of the body itself: the ones the data checks may refuse
	 */
	private record Requested(Map<String, @Nullable Object> values, Set<String> typed) {
	}

	private Requested requested(JsonNode body) {
		// A type without templates takes templateCode for the unknown field it is.
		Templates.Request request = type() == LinkedRecordType.BANK_ACCOUNT
				? new Templates.Request(body, Optional.empty()) : Templates.of(body);
		Map<String, @Nullable Object> values = records.read(request.body(), TableJson.Mode.CREATE);
		Set<String> typed = Set.copyOf(values.keySet());
		request.templateCode().map(this::template).ifPresent(template -> fillFromTemplate(values, template));
		return new Requested(values, typed);
	}

	@Override
	@Transactional
	public List<Row> createAll(List<JsonNode> bodies) {
		List<Map<String, @Nullable Object>> all = new ArrayList<>(bodies.size());
		for (JsonNode body : bodies) {
			Requested request = requested(body);
			all.add(prepared(request.values(), request.typed()));
		}
		List<Row> inserted = records.insertAll(all);
		events.publishEvent(new LinkedRecordsCreated(type(), inserted));
		List<String> nos = inserted.stream().map(row -> row.text("no")).toList();
		// Their creation's listeners may have linked them to new contacts: answer with
		// those.
		Map<String, Row> stored = records.getAll(nos);
		return nos.stream().map(stored::get).toList();
	}

	/**
	 * Stores a record made by the application from another one (a contact), whose values
	 * passed the data checks there: they are normalised, not refused.
	 */
	@Override
	@Transactional
	public Row insert(Map<String, @Nullable Object> given) {
		return insert(given, Set.of());
	}

	/**
	 * Numbers, fills and checks a new record, and stores it.
	 * @param typed the fields whose values the data checks may refuse
	 */
	private Row insert(Map<String, @Nullable Object> given, Set<String> typed) {
		return records.insert(prepared(given, typed), Actor.current());
	}

	/**
	 * A new record's values filled, checked and numbered, ready to store. Numbered last:
	 * a gapless series stays locked from the draw to the commit, and creations of the
	 * type wait for it one after another, so what needs no number is done before.
	 */
	private Map<String, @Nullable Object> prepared(Map<String, @Nullable Object> given, Set<String> typed) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(given);
		postCodes.fillNew(values);
		checks.check(values, null, typed, () -> records.brokenRules(values));
		values.put("no", numberFor((String) values.get("no")));
		return values;
	}

	@Override
	@Transactional
	public Row patch(String no, ExpectedVersion expected, JsonNode patch) {
		Map<String, @Nullable Object> changes = records.read(patch, TableJson.Mode.PATCH);
		lockContactFirst(no);
		Row current = records.lockAt(no, expected);
		Row changed = records.write(current, after(current, changes, changes.keySet()), Actor.current());
		// The sync may have changed it again (a primary contact's name): answer as the
		// last write stored it.
		return changed == current ? current : records.latest(no);
	}

	@Override
	@Transactional
	public void apply(String no, Map<String, @Nullable Object> changes, Actor by) {
		lockContactFirst(no);
		Row current = records.lock(no);
		records.write(current, after(current, changes, by.origin() == ChangeOrigin.SYNC ? Set.of() : changes.keySet()),
				by);
	}

	@Override
	@Transactional
	public void applyFromItsContact(String no, Map<String, @Nullable Object> changes, Actor by) {
		Row current = records.lock(no);
		records.write(current, after(current, changes, by.origin() == ChangeOrigin.SYNC ? Set.of() : changes.keySet()),
				by);
	}

	@Override
	@Transactional
	public List<Row> applyAll(Map<String, Map<String, @Nullable Object>> changes) {
		List<Row> current = records.lockAll(changes.keySet());
		List<Map<String, @Nullable Object>> values = new ArrayList<>(current.size());
		// what a job chose from records that passed the checks: normalised, not refused
		current.forEach(row -> values.add(after(row, changes.get(row.text("no")), Set.of())));
		return records.writeAll(current, values);
	}

	/** Deletes the record; its link goes with it, its contact stays. */
	@Override
	@Transactional
	public void delete(String no, ExpectedVersion expected) {
		lockContactFirst(no);
		Row current = records.lockAt(no, expected);
		events.publishEvent(new LinkedRecordDeleting(type(), no));
		records.delete(current);
	}

	@Override
	@Transactional
	public void showContact(String no, @Nullable String contactNo) {
		records.show("contactNo", no, contactNo);
	}

	@Override
	@Transactional
	public void raiseVersion(String no) {
		records.raiseVersion(no);
	}

	@Override
	@Transactional
	public void showContacts(Map<String, String> contactNos) {
		records.showAll("contactNo", contactNos);
	}

	@Override
	@Transactional(readOnly = true)
	public Row template(String code) {
		return rules.templates().apply(code).orElseThrow(() -> Templates.unknown(code));
	}

	/**
	 * Every field's value after a change: city and county follow a new post code, as on a
	 * contact (docs/rules.md, "Post codes"), and the sync carries what they filled; phone
	 * numbers are kept in E.164 too, and the values the change sets are checked
	 * (docs/rules.md, "Checked data").
	 * @param typed the fields whose values the data checks may refuse: none for values
	 * carried from a record, checked there already
	 */
	private Map<String, @Nullable Object> after(Row current, Map<String, @Nullable Object> changes, Set<String> typed) {
		Map<String, @Nullable Object> values = records.merged(current, changes);
		postCodes.fillChanged(current, values);
		checks.check(values, current, typed, () -> records.brokenRules(values));
		return values;
	}

	/**
	 * The sync locks a contact before its records: a change that starts on the record
	 * takes the same order, locking the contact it is linked to first. Asked as one key
	 * lookup inside another: as a join, PostgreSQL at times merged along the whole
	 * contact key (40 ms at 133,000 contacts instead of 0.05 ms).
	 */
	private void lockContactFirst(String no) {
		jdbc.sql("SELECT no FROM contact WHERE no = (SELECT contact_no FROM " + records.table().table()
				+ " WHERE no = ?) FOR UPDATE")
			.param(no)
			.query(String.class)
			.optional();
	}

	/**
	 * A number given by hand, if the series allows it; else the series' next free one.
	 */
	private String numberFor(@Nullable String givenNo) {
		Optional<String> series = setup.numberSeries(rules.numbering());
		Message title = records.table().named();
		if (givenNo != null && !givenNo.isBlank()) {
			series.ifPresent(code -> numberSeries.checkManualNo(code, title, givenNo));
			return givenNo;
		}
		return numberSeries.next(series.orElseThrow(() -> new NumberSeriesMissing(title, rules.numbering())),
				records::held);
	}

}
