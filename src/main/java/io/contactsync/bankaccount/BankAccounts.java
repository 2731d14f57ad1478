package io.contactsync.bankaccount;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesMissing;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Records;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableJson;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordDeleting;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank accounts: numbered from the bank account series of numbering setup, linked to
 * at most one contact; they have no templates. Every change is published as
 * {@link BankAccountCreated}, {@link BankAccountChanged} or {@link BankAccountDeleted};
 * the relation module links and syncs them.
 */
@Service
public class BankAccounts implements LinkedRecordService {

	private final Records records;

	private final JdbcClient jdbc;

	private final SetupApi setup;

	private final NumberSeries numberSeries;

	private final ApplicationEventPublisher events;

	BankAccounts(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events) {
		this.records = new Records(store, BankAccountTable.TABLE, jdbc);
		this.jdbc = jdbc;
		this.setup = setup;
		this.numberSeries = numberSeries;
		this.events = events;
	}

	@Override
	public LinkedRecordType type() {
		return LinkedRecordType.BANK_ACCOUNT;
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
		Map<String, @Nullable Object> values = records.read(body, TableJson.Mode.CREATE);
		// Its creation's listeners may have linked it to a new contact: answer with that.
		return records.get(insert(values).text("no"));
	}

	@Override
	@Transactional
	public Row insert(Map<String, @Nullable Object> given) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(given);
		values.put("no", numberFor((String) values.get("no")));
		return records.insert(values);
	}

	@Override
	@Transactional
	public Row patch(String no, ExpectedVersion expected, JsonNode patch) {
		Map<String, @Nullable Object> changes = records.read(patch, TableJson.Mode.PATCH);
		lockContactFirst(no);
		Row current = records.lockAt(no, expected);
		Row changed = records.write(current, records.merged(current, changes));
		// The sync may have changed it again (a primary contact's name): answer as
		// stored.
		return changed == current ? current : records.get(no);
	}

	@Override
	@Transactional
	public void apply(String no, Map<String, @Nullable Object> changes) {
		lockContactFirst(no);
		Row current = records.lock(no);
		records.write(current, records.merged(current, changes));
	}

	@Override
	@Transactional
	public List<Row> applyAll(Map<String, Map<String, @Nullable Object>> changes) {
		List<Row> current = records.lockAll(changes.keySet());
		List<Map<String, @Nullable Object>> values = new ArrayList<>(current.size());
		current.forEach(row -> values.add(records.merged(row, changes.get(row.text("no")))));
		return records.writeAll(current, values);
	}

	/** Deletes a bank account; its link goes with it, its contact stays. */
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
	public void showContacts(Map<String, String> contactNos) {
		records.showAll("contactNo", contactNos);
	}

	/** Bank accounts have no templates. */
	@Override
	public Row template(String code) {
		throw new Problems.UnknownCode("templateCode", "Bank accounts have no templates; leave templateCode out");
	}

	/**
	 * The sync locks a contact before its records: a change that starts on the bank
	 * account takes the same order, locking the contact it is linked to first. Asked as
	 * one key lookup inside another: as a join, PostgreSQL at times merged along the
	 * whole contact key (40 ms at 133,000 contacts instead of 0.05 ms).
	 */
	private void lockContactFirst(String no) {
		jdbc.sql("SELECT no FROM contact WHERE no = (SELECT contact_no FROM bank_account WHERE no = ?) FOR UPDATE")
			.param(no)
			.query(String.class)
			.optional();
	}

	/**
	 * A number given by hand, if the series allows it; else the series' next free one.
	 */
	private String numberFor(@Nullable String givenNo) {
		Optional<String> series = setup.numberSeries("bankAccountNos");
		if (givenNo != null && !givenNo.isBlank()) {
			series.ifPresent(code -> numberSeries.checkManualNo(code, "bank account", givenNo));
			return givenNo;
		}
		return numberSeries.next(
				series.orElseThrow(() -> new NumberSeriesMissing("bank accounts", "bankAccountNos in numbering setup")),
				records::held);
	}

}
