package io.contactsync.setup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.platform.TransactionScoped;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules read of setup: settings, templates and post codes. */
@Service
public class SetupApi {

	private static final String MARKETING = "marketing setup";

	private static final String NUMBERING = "numbering setup";

	private static final String POST_CODES = "post codes";

	private final TableStore store;

	private final JdbcClient jdbc;

	SetupApi(TableStore store, JdbcClient jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	/** Marketing setup, as the settings row. */
	@Transactional(readOnly = true)
	public Row marketing() {
		return TransactionScoped.get(MARKETING, () -> store.singleton(SetupTableDefinitions.MARKETING_SETUP));
	}

	/** Who we are, for the head of printed documents: the company information row. */
	@Transactional(readOnly = true)
	public Row companyInformation() {
		return store.singleton(SetupTableDefinitions.COMPANY_INFORMATION);
	}

	/**
	 * A change to setup in this transaction is seen by what the transaction reads next.
	 */
	@EventListener
	void on(RecordChange change) {
		if (change.recordType().equals("SETUP")) {
			TransactionScoped.evict(MARKETING);
			TransactionScoped.evict(NUMBERING);
			TransactionScoped.evict(SyncFieldMap.DIRECTIONS);
			TransactionScoped.evict(POST_CODES);
		}
	}

	/**
	 * The business relation code that switches the sync on for a record type, if one is
	 * set.
	 */
	@Transactional(readOnly = true)
	public Optional<String> businessRelationCodeFor(LinkedRecordType type) {
		String field = switch (type) {
			case CUSTOMER -> "businessRelationCodeForCustomers";
			case VENDOR -> "businessRelationCodeForVendors";
			case BANK_ACCOUNT -> "businessRelationCodeForBankAccounts";
		};
		return Optional.ofNullable(marketing().text(field));
	}

	/**
	 * The number series a numbering setup field names ({@code customerNos}, ...), if any.
	 */
	@Transactional(readOnly = true)
	public Optional<String> numberSeries(String numberingField) {
		// read once per transaction: an import's page numbers a thousand records
		return Optional
			.ofNullable(TransactionScoped.get(NUMBERING, () -> store.singleton(SetupTableDefinitions.NUMBERING_SETUP))
				.text(numberingField));
	}

	@Transactional(readOnly = true)
	public Optional<Row> customerTemplate(String code) {
		return store.find(SetupTableDefinitions.CUSTOMER_TEMPLATES, List.of(code));
	}

	@Transactional(readOnly = true)
	public Optional<Row> vendorTemplate(String code) {
		return store.find(SetupTableDefinitions.VENDOR_TEMPLATES, List.of(code));
	}

	/** The customer (or vendor) templates for contacts of a type, by code. */
	@Transactional(readOnly = true)
	public List<String> templateCodes(LinkedRecordType type, String contactType) {
		String table = type == LinkedRecordType.VENDOR ? "vendor_template" : "customer_template";
		return jdbc.sql("SELECT code FROM " + table + " WHERE contact_type = ? ORDER BY code")
			.param(contactType)
			.query(String.class)
			.list();
	}

	/**
	 * The post code entries for a code, narrowed to a country/region when one is given
	 * and several match.
	 */
	@Transactional(readOnly = true)
	public List<Row> postCodes(String code, @Nullable String countryRegionCode) {
		// Kept per transaction: a batch of contacts in one city asks for the same code
		// often.
		Map<String, List<Row>> known = TransactionScoped.get(POST_CODES, HashMap::new);
		List<Row> all = known.computeIfAbsent(code,
				c -> jdbc.sql("SELECT * FROM post_code WHERE code = ? ORDER BY city")
					.param(c)
					.query(store.rows(SetupTableDefinitions.POST_CODES))
					.list());
		if (all.size() > 1 && countryRegionCode != null) {
			List<Row> narrowed = all.stream()
				.filter(row -> countryRegionCode.equals(row.text("countryRegionCode")))
				.toList();
			return narrowed.isEmpty() ? all : narrowed;
		}
		return all;
	}

}
