package io.contactsync.document;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.platform.Message;
import io.contactsync.contact.ContactRoles;
import io.contactsync.contact.Contacts;
import io.contactsync.customer.Customers;
import io.contactsync.interaction.DocumentType;
import io.contactsync.interaction.InteractionLog;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesMissing;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowVersions;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.purchasing.Vendors;
import io.contactsync.relation.Linking;
import io.contactsync.relation.Links;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents made from contacts (docs/rules.md, "Documents from contacts"): the party
 * rules between a contact and its customer or vendor, making orders from quotes, and what
 * creating a service order logs as an interaction (docs/rules.md, "Interactions");
 * printing and sending are {@link DocumentPrinting}'s.
 */
@Service
public class Documents {

	private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

	private final JdbcClient jdbc;

	private final Contacts contacts;

	private final Customers customers;

	private final Vendors vendors;

	private final Links links;

	private final ContactRoles roles;

	private final Linking linking;

	private final SetupApi setup;

	private final NumberSeries numberSeries;

	private final InteractionLog interactions;

	private final DocumentEvents events;

	Documents(JdbcClient jdbc, Contacts contacts, ContactRoles roles, Customers customers, Vendors vendors, Links links,
			Linking linking, SetupApi setup, NumberSeries numberSeries, InteractionLog interactions,
			DocumentEvents events) {
		this.roles = roles;
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.customers = customers;
		this.vendors = vendors;
		this.links = links;
		this.linking = linking;
		this.setup = setup;
		this.numberSeries = numberSeries;
		this.interactions = interactions;
		this.events = events;
	}

	/**
	 * The documents of a kind that hold some numbers already (imported ones, say), for
	 * the series to pass over.
	 */
	private NumberSeries.TakenNumbers held(DocumentKind kind) {
		return nos -> Set.copyOf(jdbc.sql("SELECT no FROM document WHERE kind = ? AND no = ANY(?)")
			.params(kind.name(), nos.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	@Transactional
	public Doc create(DocumentKind kind, JsonNode body) {
		DocumentInput input = DocumentInput.read(kind, body, false);
		String no = numberSeries.next(
				setup.numberSeries(kind.numberingField())
					.orElseThrow(() -> new NumberSeriesMissing(Problems.kindName(kind.name()), kind.numberingField())),
				held(kind));
		Party party = party(kind, input.contactNo(), input.recordNo(), input.templateCode());
		checkCodes(input);
		jdbc.sql("INSERT INTO document (kind, no, document_date, contact_no, customer_no, vendor_no, party_name,"
				+ " template_code, salesperson_code, currency_code, description, status) VALUES"
				+ " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(kind.name(), no, input.documentDate() != null ? input.documentDate() : LocalDate.now(ZONE),
					party.contactNo(), kind.partyType() == LinkedRecordType.CUSTOMER ? party.recordNo() : null,
					kind.partyType() == LinkedRecordType.VENDOR ? party.recordNo() : null, party.name(),
					party.templateCode(), input.salespersonCode(), input.currencyCode(),
					input.description() == null ? "" : input.description(),
					input.status() == null ? "OPEN" : input.status())
			.update();
		writeLines(kind, no, input.lines() == null ? List.of() : input.lines());
		events.publish(kind, no, RecordChange.Kind.CREATED,
				List.of(new FieldChange("no", null, no), new FieldChange(kind.contactField(), null, party.contactNo())),
				1);
		if (kind == DocumentKind.SERVICE_ORDER) {
			interactions.logFor(DocumentType.SERVICE_ORDER_CREATE, party.contactNo(), input.description(), no);
		}
		return get(kind, no);
	}

	@Transactional(readOnly = true)
	public Doc get(DocumentKind kind, String no) {
		return find(kind, no).orElseThrow(() -> new Problems.NotFound(Problems.kindName(kind.name()), no));
	}

	@Transactional(readOnly = true)
	public Page<Doc> list(DocumentKind kind, @Nullable String contactNo, @Nullable String customerNo,
			@Nullable String vendorNo, @Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		List<String> where = new ArrayList<>(List.of("kind = :kind"));
		Map<String, Object> params = new LinkedHashMap<>(Map.of("kind", kind.name()));
		addFilter(where, params, "contact_no", contactNo);
		addFilter(where, params, "customer_no", customerNo);
		addFilter(where, params, "vendor_no", vendorNo);
		String after = Page.decode(cursor);
		if (after != null) {
			where.add("no > :after");
			params.put("after", after);
		}
		List<String> nos = jdbc
			.sql("SELECT no FROM document WHERE " + String.join(" AND ", where) + " ORDER BY no LIMIT " + (size + 1))
			.params(params)
			.query(String.class)
			.list();
		return Page.of(nos, size, no -> no).map(no -> get(kind, no));
	}

	/** Changes the head and, when {@code lines} is given, replaces the lines. */
	@Transactional
	public Doc patch(DocumentKind kind, String no, ExpectedVersion expected, JsonNode body) {
		DocumentInput input = DocumentInput.read(kind, body, true);
		Doc current = lock(kind, no);
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(Problems.kindName(kind.name()), no, current.version());
		}
		checkCodes(input);
		Party party = (input.has(kind.contactField()) || input.has(kind.recordField()))
				? party(kind, input.has(kind.contactField()) ? input.contactNo() : current.contactNo(),
						input.has(kind.recordField()) ? input.recordNo() : current.recordNo(),
						input.has("template") ? input.templateCode() : current.templateCode())
				: new Party(current.contactNo(), current.recordNo(), current.partyName(),
						input.has("template") ? input.templateCode() : current.templateCode());
		long version = jdbc.sql(
				"UPDATE document SET document_date = ?, contact_no = ?, customer_no = ?, vendor_no = ?, party_name = ?,"
						+ " template_code = ?, salesperson_code = ?, currency_code = ?, description = ?, status = ?,"
						+ " version = " + RowVersions.next("document")
						+ ", last_modified_at = now() WHERE kind = ? AND no = ? RETURNING version")
			.params(input.has("documentDate") && input.documentDate() != null ? input.documentDate()
					: current.documentDate(), party.contactNo(),
					kind.partyType() == LinkedRecordType.CUSTOMER ? party.recordNo() : null,
					kind.partyType() == LinkedRecordType.VENDOR ? party.recordNo() : null, party.name(),
					party.templateCode(),
					input.has(kind.salespersonField()) ? input.salespersonCode() : current.salespersonCode(),
					input.has("currencyCode") ? input.currencyCode() : current.currencyCode(),
					input.has("description") ? (input.description() == null ? "" : input.description())
							: current.description(),
					input.has("status") && input.status() != null ? input.status() : current.status(), kind.name(), no)
			.query(Long.class)
			.single();
		if (input.lines() != null) {
			jdbc.sql("DELETE FROM document_line WHERE kind = ? AND no = ?").params(kind.name(), no).update();
			writeLines(kind, no, input.lines());
		}
		events.publish(kind, no, RecordChange.Kind.UPDATED,
				List.of(new FieldChange("version", Long.toString(current.version()), Long.toString(version))), version);
		return get(kind, no);
	}

	@Transactional
	public void delete(DocumentKind kind, String no, ExpectedVersion expected) {
		Doc current = lock(kind, no);
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(Problems.kindName(kind.name()), no, current.version());
		}
		remove(current);
	}

	/**
	 * Makes an order from a quote or blanket order. A quote without a customer (vendor)
	 * first creates one from its contact with the quote's or the request's template; the
	 * order records the quote, and the quote goes. A blanket order stays.
	 */
	@Transactional
	public Doc makeOrder(DocumentKind kind, String no, @Nullable String templateCode) {
		if (!kind.makesOrders()) {
			throw new Problems.NotFound(Message.of("detail.makeOrderOf"), kind.resource());
		}
		Doc source = lock(kind, no);
		String recordNo = source.recordNo();
		if (recordNo == null) {
			String template = templateCode != null ? templateCode.toUpperCase(Locale.ROOT) : source.templateCode();
			if (template == null || source.contactNo() == null) {
				throw new PartyRequired(kind, Message.of("detail.quoteWithoutParty", no,
						Problems.kindName(kind.partyType().name()), kind.templateField()));
			}
			recordNo = linking.createRecord(source.contactNo(), kind.partyType(), template).text("no");
		}
		DocumentKind orderKind = kind.orderKind();
		String orderNo = numberSeries.next(setup.numberSeries(orderKind.numberingField())
			.orElseThrow(
					() -> new NumberSeriesMissing(Problems.kindName(orderKind.name()), orderKind.numberingField())),
				held(orderKind));
		Party party = party(orderKind, source.contactNo(), recordNo, null);
		jdbc.sql("INSERT INTO document (kind, no, document_date, contact_no, customer_no, vendor_no, party_name,"
				+ " salesperson_code, currency_code, description, quote_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(orderKind.name(), orderNo, LocalDate.now(ZONE), party.contactNo(),
					orderKind.partyType() == LinkedRecordType.CUSTOMER ? party.recordNo() : null,
					orderKind.partyType() == LinkedRecordType.VENDOR ? party.recordNo() : null, party.name(),
					source.salespersonCode(), source.currencyCode(), source.description(),
					kind.isQuote() ? source.no() : null)
			.update();
		writeLines(orderKind, orderNo, source.lines());
		events.publish(orderKind, orderNo, RecordChange.Kind.CREATED,
				List.of(new FieldChange("no", null, orderNo), new FieldChange("quoteNo", null, source.no())), 1);
		if (kind.isQuote()) {
			remove(source);
		}
		return get(orderKind, orderNo);
	}

	/**
	 * Who the document is for: the contact and the customer (vendor), each filling the
	 * other.
	 */
	private Party party(DocumentKind kind, @Nullable String contactNo, @Nullable String recordNo,
			@Nullable String templateCode) {
		LinkedRecordType type = kind.partyType();
		if (recordNo != null) {
			Row record = service(type).find(recordNo)
				.orElseThrow(() -> new Problems.UnknownCode(kind.recordField(), "invalid.unknownRecord",
						Problems.kindName(kind.partyType().name()), recordNo));
			String linked = links.contactOf(type, recordNo).orElse(null);
			String contact = contactNo;
			if (contact == null) {
				contact = record.text("primaryContactNo") != null ? record.text("primaryContactNo") : linked;
			}
			else {
				Row chosen = contacts.find(contact)
					.orElseThrow(() -> new Problems.UnknownCode(kind.contactField(), "invalid.unknownRecord",
							Problems.kindName("CONTACT"), contactNo));
				// A person with a current role at the customer's company may be its
				// contact there (docs/rules.md, "Roles at other companies").
				if (linked == null || !(contact.equals(linked) || linked.equals(chosen.text("companyNo"))
						|| roles.isCurrentAt(contact, linked))) {
					throw new Problems.ValidationFailed(kind.contactField(), "invalid.contactNotRelated", contact,
							Problems.kindName(kind.partyType().name()), recordNo);
				}
			}
			return new Party(contact, recordNo, record.text("name"), null);
		}
		if (contactNo == null) {
			throw new Problems.ValidationFailed(kind.contactField(), "invalid.giveEither", kind.contactField(),
					kind.recordField());
		}
		Row contact = contacts.find(contactNo)
			.orElseThrow(() -> new Problems.UnknownCode(kind.contactField(), "invalid.unknownRecord",
					Problems.kindName("CONTACT"), contactNo));
		Optional<String> linked = links.recordOf(contactNo, type);
		if (linked.isPresent()) {
			return new Party(contactNo, linked.get(), service(type).get(linked.get()).text("name"), null);
		}
		if (!kind.isQuote()) {
			throw new PartyRequired(kind,
					Message.of("detail.contactWithoutParty", contactNo, Problems.kindName(kind.partyType().name())));
		}
		String template = templateCode;
		if (template != null) {
			service(type).template(template.toUpperCase(Locale.ROOT));
			template = template.toUpperCase(Locale.ROOT);
		}
		else {
			String contactType = contact.get("companyNo") != null && !contactNo.equals(contact.text("companyNo"))
					? ContactType.COMPANY.name() : contact.text("type");
			List<String> codes = setup.templateCodes(type, contactType);
			template = codes.size() == 1 ? codes.get(0) : null;
		}
		return new Party(contactNo, null, contact.text("name"), template);
	}

	private record Party(@Nullable String contactNo, @Nullable String recordNo, String name,
			@Nullable String templateCode) {
	}

	LinkedRecordService service(LinkedRecordType type) {
		return type == LinkedRecordType.VENDOR ? vendors : customers;
	}

	private void checkCodes(DocumentInput input) {
		List<FieldError> unknown = new ArrayList<>();
		if (input.salespersonCode() != null && !exists("salesperson", input.salespersonCode())) {
			unknown.add(new FieldError(input.salespersonField(), "invalid.unknownCode",
					Problems.kindName("SALESPERSON"), input.salespersonCode()));
		}
		if (input.currencyCode() != null && !exists("currency", input.currencyCode())) {
			unknown.add(new FieldError("currencyCode", "invalid.unknownCode", Problems.kindName("CURRENCY"),
					input.currencyCode()));
		}
		if (!unknown.isEmpty()) {
			throw new Problems.UnknownCode(unknown);
		}
	}

	private boolean exists(String table, String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE code = ?)")
			.param(code)
			.query(Boolean.class)
			.single();
	}

	private void writeLines(DocumentKind kind, String no, List<Doc.Line> lines) {
		int next = 10000;
		Set<Integer> used = new HashSet<>();
		for (Doc.Line line : lines) {
			int lineNo = line.lineNo() > 0 ? line.lineNo() : next;
			if (!used.add(lineNo)) {
				throw new Problems.ValidationFailed("lines", "invalid.lineNoTwice", Integer.toString(lineNo));
			}
			next = Math.max(next, lineNo) + 10000;
			jdbc.sql("INSERT INTO document_line (kind, no, line_no, description, quantity, unit_price)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
				.params(kind.name(), no, lineNo, line.description(), line.quantity(), line.unitPrice())
				.update();
		}
	}

	private void remove(Doc doc) {
		jdbc.sql("DELETE FROM document WHERE kind = ? AND no = ?").params(doc.kind().name(), doc.no()).update();
		events.publish(doc.kind(), doc.no(), RecordChange.Kind.DELETED, List.of(new FieldChange("no", doc.no(), null)),
				doc.version());
	}

	private Doc lock(DocumentKind kind, String no) {
		jdbc.sql("SELECT no FROM document WHERE kind = ? AND no = ? FOR UPDATE")
			.params(kind.name(), no)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName(kind.name()), no));
		return get(kind, no);
	}

	private Optional<Doc> find(DocumentKind kind, String no) {
		List<Doc.Line> lines = jdbc
			.sql("SELECT line_no, description, quantity, unit_price FROM document_line WHERE kind = ? AND no = ?"
					+ " ORDER BY line_no")
			.params(kind.name(), no)
			.query((rs, n) -> new Doc.Line(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros(),
					rs.getBigDecimal(4).stripTrailingZeros()))
			.list();
		return jdbc.sql(
				"SELECT kind, no, document_date, contact_no, coalesce(customer_no, vendor_no), party_name, template_code,"
						+ " salesperson_code, currency_code, description, status, quote_no, version FROM document"
						+ " WHERE kind = ? AND no = ?")
			.params(kind.name(), no)
			.query((rs, n) -> Doc.read(rs, lines))
			.optional();
	}

	private static void addFilter(List<String> where, Map<String, Object> params, String column,
			@Nullable String value) {
		if (value != null) {
			where.add(column + " = :" + column);
			params.put(column, value.toUpperCase(Locale.ROOT));
		}
	}

}
