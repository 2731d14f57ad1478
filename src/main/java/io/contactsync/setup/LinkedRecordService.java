package io.contactsync.setup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesMissing;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.RecordService;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableJson;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers, vendors and bank accounts: numbered from numbering setup, filled from a
 * template where they have one, and linked to at most one contact, whose number they
 * show.
 */
public abstract class LinkedRecordService extends RecordService {

	private final LinkedRecordType type;

	private final SetupApi setup;

	private final NumberSeries numberSeries;

	private final ApplicationEventPublisher events;

	private final PostCodeLookup postCodes;

	protected LinkedRecordService(LinkedRecordType type, TableStore store, Table table, JdbcClient jdbc, SetupApi setup,
			NumberSeries numberSeries, ApplicationEventPublisher events) {
		super(store, table, jdbc);
		this.type = type;
		this.setup = setup;
		this.numberSeries = numberSeries;
		this.events = events;
		this.postCodes = new PostCodeLookup(setup);
	}

	/**
	 * City and county from the post code, as on a contact (docs/rules.md, "Post codes").
	 */
	@Override
	protected void prepareNew(Map<String, @Nullable Object> values) {
		postCodes.fillNew(values);
	}

	@Override
	protected void prepareUpdate(Row current, Map<String, @Nullable Object> values, Set<String> changed) {
		postCodes.fillChanged(current, values);
	}

	/**
	 * The sync locks a contact before its records: a change that starts on the record
	 * takes the same order, locking the contact it is linked to first.
	 */
	@Override
	protected void lockFirst(String no) {
		// Asked as one key lookup inside another. As a join, PostgreSQL at times chose to
		// merge it along the whole contact key (estimating from statistics that had not
		// yet
		// seen the newest numbers): 40 ms at 133,000 contacts instead of 0.05 ms.
		jdbc.sql("SELECT no FROM contact WHERE no = (SELECT contact_no FROM " + table.table() + " WHERE no = ?)"
				+ " FOR UPDATE")
			.param(no)
			.query(String.class)
			.optional();
	}

	@Override
	protected void beforeDelete(Row row) {
		events.publishEvent(new LinkedRecordDeleting(type, row.text("no")));
	}

	public LinkedRecordType type() {
		return type;
	}

	/**
	 * Creates a record from a request body; {@code templateCode}, where the record type
	 * has templates, fills what the body leaves out.
	 */
	@Override
	@Transactional
	public Row create(JsonNode body) {
		JsonNode request = body;
		Optional<Row> template = Optional.empty();
		if (body.isObject() && body.has("templateCode") && type != LinkedRecordType.BANK_ACCOUNT) {
			ObjectNode copy = ((ObjectNode) body).deepCopy();
			JsonNode code = copy.remove("templateCode");
			if (!code.isNull()) {
				if (!code.isString()) {
					throw new Problems.MalformedRequest("templateCode", "must be a string");
				}
				template = Optional.of(template(code.asString().toUpperCase(Locale.ROOT)));
			}
			request = copy;
		}
		Map<String, @Nullable Object> values = TableJson.read(table, request, TableJson.Mode.CREATE);
		template.ifPresent(t -> fillFromTemplate(values, t));
		return createdAsStored(insert(values));
	}

	/**
	 * Shows which contact the record is linked to. Derived from the links, which are
	 * logged themselves, so it neither moves the version nor the log.
	 */
	@Transactional
	public void showContact(String no, @Nullable String contactNo) {
		jdbc.sql("UPDATE " + table.table() + " SET contact_no = ? WHERE no = ? AND contact_no IS DISTINCT FROM ?")
			.params(contactNo, no, contactNo)
			.update();
	}

	/**
	 * {@link #showContact} for many records at once.
	 * @param contactNos the contact of each record, by record number
	 */
	@Transactional
	public void showContacts(Map<String, String> contactNos) {
		if (contactNos.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE " + table.table() + " t SET contact_no = v.contact_no FROM unnest(:nos, :contacts)"
				+ " AS v(no, contact_no) WHERE t.no = v.no AND t.contact_no IS DISTINCT FROM v.contact_no")
			.param("nos", contactNos.keySet().toArray(String[]::new))
			.param("contacts", contactNos.values().toArray(String[]::new))
			.update();
	}

	/**
	 * The template of this record type with that code; unknown: UNKNOWN_CODE on
	 * templateCode.
	 */
	@Transactional(readOnly = true)
	public Row template(String code) {
		Optional<Row> template = type == LinkedRecordType.VENDOR ? setup.vendorTemplate(code)
				: setup.customerTemplate(code);
		return template.orElseThrow(() -> new Problems.UnknownCode("templateCode",
				"Template " + code + " does not exist; create it first or choose another"));
	}

	/**
	 * A template fills only what is still empty: codes, posting groups, payment terms,
	 * and the like; prices including VAT when the record leaves it out.
	 */
	public void fillFromTemplate(Map<String, @Nullable Object> values, Row template) {
		template.values().forEach((field, value) -> {
			if (Set.of("code", "description").contains(field) || value == null) {
				return;
			}
			if (table.field(field).isEmpty()) {
				return;
			}
			Object current = values.get(field);
			if (current == null || (current instanceof String text && text.isEmpty())
					|| (field.equals("pricesIncludingVat") && !values.containsKey(field))) {
				values.put(field, value);
			}
		});
	}

	@Override
	protected String numberFor(@Nullable String givenNo) {
		String field = switch (type) {
			case CUSTOMER -> "customerNos";
			case VENDOR -> "vendorNos";
			case BANK_ACCOUNT -> "bankAccountNos";
		};
		Optional<String> series = setup.numberSeries(field);
		if (givenNo != null) {
			series.ifPresent(code -> numberSeries.checkManualNo(code, table.title().toLowerCase(Locale.ROOT), givenNo));
			return givenNo;
		}
		return numberSeries.next(series.orElseThrow(
				() -> new NumberSeriesMissing(table.title().toLowerCase() + "s", field + " in numbering setup")),
				this::held);
	}

}
