package io.contactsync.document;

import io.contactsync.setup.ContactType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.contact.ContactDeleting;
import io.contactsync.contact.Contacts;
import io.contactsync.customer.Customers;
import io.contactsync.interaction.ContactEmailMissing;
import io.contactsync.interaction.DocumentType;
import io.contactsync.interaction.InteractionLog;
import io.contactsync.interaction.MailOut;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesMissing;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Formats;
import io.contactsync.platform.Page;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowVersions;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.TableChanged;
import io.contactsync.relation.Linking;
import io.contactsync.relation.Links;
import io.contactsync.relation.RecordLinked;
import io.contactsync.setup.LinkedRecordDeleting;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;
import io.contactsync.purchasing.Vendors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents made from contacts (docs/rules.md, "Documents from contacts"): the party
 * rules between a contact and its customer or vendor, making orders from quotes, and what
 * printing, sending and creating log as interactions (docs/rules.md, "Interactions").
 */
@Service
public class Documents {

	private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

	private final JdbcClient jdbc;

	private final Contacts contacts;

	private final Customers customers;

	private final Vendors vendors;

	private final Links links;

	private final Linking linking;

	private final SetupApi setup;

	private final NumberSeries numberSeries;

	private final InteractionLog interactions;

	private final ApplicationEventPublisher events;

	private final DocumentPdf pdf;

	private final MailOut mail;

	Documents(JdbcClient jdbc, Contacts contacts, Customers customers, Vendors vendors, Links links, Linking linking,
			SetupApi setup, NumberSeries numberSeries, InteractionLog interactions, ApplicationEventPublisher events,
			DocumentPdf pdf, MailOut mail) {
		this.pdf = pdf;
		this.mail = mail;
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

	static final class CustomerRequired extends ProblemException {

		CustomerRequired(String code, String message) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
		}

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
		Input input = Input.read(kind, body, false);
		String no = numberSeries.next(setup.numberSeries(kind.numberingField())
			.orElseThrow(() -> new NumberSeriesMissing(kind.title(false).toLowerCase(Locale.ROOT) + "s",
					kind.numberingField() + " in numbering setup")),
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
		publish(kind, no, TableChanged.Kind.CREATED, List.of(new FieldChange("no", null, no),
				new FieldChange(kind.contactField(), null, party.contactNo())));
		if (kind == DocumentKind.SERVICE_ORDER) {
			interactions.logFor(DocumentType.SERVICE_ORDER_CREATE, party.contactNo(), input.description(), no);
		}
		return get(kind, no);
	}

	@Transactional(readOnly = true)
	public Doc get(DocumentKind kind, String no) {
		return find(kind, no).orElseThrow(() -> new Problems.NotFound(kind.title(false), no));
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
		Input input = Input.read(kind, body, true);
		Doc current = lock(kind, no);
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(kind.title(false), no, current.version());
		}
		checkCodes(input);
		Party party = (input.has(kind.contactField()) || input.has(kind.recordField()))
				? party(kind, input.has(kind.contactField()) ? input.contactNo() : current.contactNo(),
						input.has(kind.recordField()) ? input.recordNo() : current.recordNo(),
						input.has("template") ? input.templateCode() : current.templateCode())
				: new Party(current.contactNo(), current.recordNo(), current.partyName(),
						input.has("template") ? input.templateCode() : current.templateCode());
		jdbc.sql(
				"UPDATE document SET document_date = ?, contact_no = ?, customer_no = ?, vendor_no = ?, party_name = ?,"
						+ " template_code = ?, salesperson_code = ?, currency_code = ?, description = ?, status = ?,"
						+ " version = " + RowVersions.next("document")
						+ ", last_modified_at = now() WHERE kind = ? AND no = ?")
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
			.update();
		if (input.lines() != null) {
			jdbc.sql("DELETE FROM document_line WHERE kind = ? AND no = ?").params(kind.name(), no).update();
			writeLines(kind, no, input.lines());
		}
		publish(kind, no, TableChanged.Kind.UPDATED, List
			.of(new FieldChange("version", Long.toString(current.version()), Long.toString(current.version() + 1))));
		return get(kind, no);
	}

	@Transactional
	public void delete(DocumentKind kind, String no, ExpectedVersion expected) {
		Doc current = lock(kind, no);
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(kind.title(false), no, current.version());
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
			throw new Problems.NotFound("Action make-order of", kind.resource());
		}
		Doc source = lock(kind, no);
		String recordNo = source.recordNo();
		if (recordNo == null) {
			String template = templateCode != null ? templateCode.toUpperCase(Locale.ROOT) : source.templateCode();
			if (template == null || source.contactNo() == null) {
				throw required(kind, "Quote " + no + " has no " + record(kind) + " and no template to create one from"
						+ "; give " + kind.templateField() + ", or link the contact first.");
			}
			recordNo = linking.createRecord(source.contactNo(), kind.partyType(), template).text("no");
		}
		DocumentKind orderKind = kind.orderKind();
		String orderNo = numberSeries.next(setup.numberSeries(orderKind.numberingField())
			.orElseThrow(() -> new NumberSeriesMissing("orders", orderKind.numberingField() + " in numbering setup")),
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
		publish(orderKind, orderNo, TableChanged.Kind.CREATED,
				List.of(new FieldChange("no", null, orderNo), new FieldChange("quoteNo", null, source.no())));
		if (kind.isQuote()) {
			remove(source);
		}
		return get(orderKind, orderNo);
	}

	/** Prints a document, and logs that it was printed when asked to (the default). */
	@Transactional
	public byte[] print(DocumentKind kind, String no, boolean logInteraction) {
		Doc doc = get(kind, no);
		byte[] printed = pdf.print(doc, contactOf(doc).orElse(null), printsInEnglish(doc));
		if (logInteraction) {
			logPrinted(doc);
		}
		return printed;
	}

	/**
	 * E-mails a document's PDF to its contact (or to {@code to}), and logs that it was
	 * sent.
	 */
	@Transactional
	public void send(DocumentKind kind, String no, @Nullable String to) {
		Doc doc = get(kind, no);
		Row contact = contactOf(doc).orElse(null);
		String recipient = to != null && !to.isBlank() ? to : contact != null ? contact.text("email") : null;
		if (recipient == null || recipient.isBlank()) {
			throw new ContactEmailMissing(doc.contactNo() == null ? "(none)" : doc.contactNo());
		}
		if (recipient.length() > 255 || !Formats.EMAILS.matcher(recipient).matches()) {
			throw new Problems.ValidationFailed("to", Formats.EMAILS_HINT);
		}
		boolean english = printsInEnglish(doc);
		mail.send(recipient, doc.kind().printTitle(english) + " " + doc.no(),
				english ? "Please find the document attached." : "Vedlagt følger dokumentet.", doc.no() + ".pdf",
				pdf.print(doc, contact, english));
		logPrinted(doc);
	}

	/** Logs that a document was printed or sent, for its contact, when setup says so. */
	private void logPrinted(Doc doc) {
		DocumentType type = doc.kind().printed();
		if (type != null) {
			interactions.logFor(type, doc.contactNo(), doc.description().isBlank() ? null : doc.description(),
					doc.no());
		}
	}

	/** A contact's language decides the language of what is printed for it. */
	private boolean printsInEnglish(Doc doc) {
		return doc.contactNo() != null && contacts.find(doc.contactNo())
			.map(contact -> "ENU".equals(contact.text("languageCode")))
			.orElse(false);
	}

	private Optional<Row> contactOf(Doc doc) {
		return doc.contactNo() == null ? Optional.empty() : contacts.find(doc.contactNo());
	}

	/**
	 * (docs/rules.md, "Linking") once a contact's company is linked, its open quotes
	 * without a customer (vendor) get it.
	 */
	@EventListener
	void on(RecordLinked linked) {
		DocumentKind quote = switch (linked.type()) {
			case CUSTOMER -> DocumentKind.SALES_QUOTE;
			case VENDOR -> DocumentKind.PURCHASE_QUOTE;
			case BANK_ACCOUNT -> null;
		};
		if (quote == null) {
			return;
		}
		String column = quote == DocumentKind.SALES_QUOTE ? "customer_no" : "vendor_no";
		Row record = service(linked.type()).get(linked.recordNo());
		String name = record.text("name");
		// Each quote changed is logged like any change to a document, with what it was.
		jdbc.sql("WITH quote AS (SELECT kind, no, party_name, template_code FROM document WHERE kind = ?"
				+ " AND status = 'OPEN' AND " + column + " IS NULL AND contact_no IN"
				+ " (SELECT no FROM contact WHERE no = ? OR company_no = ?) ORDER BY no FOR UPDATE)"
				+ " UPDATE document d SET " + column + " = ?, party_name = ?, template_code = NULL, version = "
				+ RowVersions.next("d") + " FROM quote q WHERE d.kind = q.kind AND d.no = q.no"
				+ " RETURNING d.no, q.party_name, q.template_code")
			.params(quote.name(), linked.contactNo(), linked.contactNo(), linked.recordNo(), name)
			.query((rs, n) -> {
				List<FieldChange> changes = new ArrayList<>();
				changes.add(new FieldChange(quote.recordField(), null, linked.recordNo()));
				if (!java.util.Objects.equals(rs.getString(2), name)) {
					changes.add(new FieldChange(quote.recordNameField(), rs.getString(2), name));
				}
				if (rs.getString(3) != null) {
					changes.add(new FieldChange(quote.templateField(), rs.getString(3), null));
				}
				publish(quote, rs.getString(1), TableChanged.Kind.UPDATED, changes);
				return rs.getString(1);
			})
			.list();
	}

	/**
	 * (docs/rules.md, "Deleting") a contact that an open document names cannot be
	 * deleted.
	 */
	@EventListener
	void on(ContactDeleting deleting) {
		refuseIfNamed("contact_no", deleting.no(), "Contact " + deleting.no());
	}

	@EventListener
	void on(LinkedRecordDeleting deleting) {
		if (deleting.type() != LinkedRecordType.BANK_ACCOUNT) {
			refuseIfNamed(deleting.type() == LinkedRecordType.CUSTOMER ? "customer_no" : "vendor_no", deleting.no(),
					(deleting.type() == LinkedRecordType.CUSTOMER ? "Customer " : "Vendor ") + deleting.no());
		}
	}

	private void refuseIfNamed(String column, String no, String what) {
		List<String> documents = jdbc
			.sql("SELECT kind || ' ' || no FROM document WHERE " + column + " = ? AND status = 'OPEN' ORDER BY kind, no"
					+ " LIMIT 5")
			.param(no)
			.query(String.class)
			.list();
		if (!documents.isEmpty()) {
			throw new Problems.InUse(what + " is named by open documents (" + String.join(", ", documents)
					+ "); finish or delete them first.");
		}
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
				.orElseThrow(() -> new Problems.UnknownCode(kind.recordField(),
						record(kind) + " " + recordNo + " does not exist"));
			String linked = links.contactOf(type, recordNo).orElse(null);
			String contact = contactNo;
			if (contact == null) {
				contact = record.text("primaryContactNo") != null ? record.text("primaryContactNo") : linked;
			}
			else {
				Row chosen = contacts.find(contact)
					.orElseThrow(() -> new Problems.UnknownCode(kind.contactField(), "Contact does not exist"));
				if (linked == null || !(contact.equals(linked) || linked.equals(chosen.text("companyNo")))) {
					throw new Problems.ValidationFailed(kind.contactField(),
							"contact " + contact + " is not related to " + record(kind) + " " + recordNo);
				}
			}
			return new Party(contact, recordNo, record.text("name"), null);
		}
		if (contactNo == null) {
			throw new Problems.ValidationFailed(kind.contactField(),
					"give " + kind.contactField() + " or " + kind.recordField());
		}
		Row contact = contacts.find(contactNo)
			.orElseThrow(
					() -> new Problems.UnknownCode(kind.contactField(), "Contact " + contactNo + " does not exist"));
		Optional<String> linked = links.recordOf(contactNo, type);
		if (linked.isPresent()) {
			return new Party(contactNo, linked.get(), service(type).get(linked.get()).text("name"), null);
		}
		if (!kind.isQuote()) {
			throw required(kind, "Contact " + contactNo + " has no " + record(kind) + "; make a quote, or create the "
					+ record(kind) + " from the contact first.");
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

	private LinkedRecordService service(LinkedRecordType type) {
		return type == LinkedRecordType.VENDOR ? vendors : customers;
	}

	private static String record(DocumentKind kind) {
		return kind.partyType() == LinkedRecordType.VENDOR ? "vendor" : "customer";
	}

	private static CustomerRequired required(DocumentKind kind, String message) {
		return new CustomerRequired(
				kind.partyType() == LinkedRecordType.VENDOR ? "VENDOR_REQUIRED" : "CUSTOMER_REQUIRED", message);
	}

	private void checkCodes(Input input) {
		List<FieldError> unknown = new ArrayList<>();
		if (input.salespersonCode() != null && !exists("salesperson", input.salespersonCode())) {
			unknown.add(new FieldError(input.salespersonField(),
					"Salesperson " + input.salespersonCode() + " does not exist"));
		}
		if (input.currencyCode() != null && !exists("currency", input.currencyCode())) {
			unknown.add(new FieldError("currencyCode", "Currency " + input.currencyCode() + " does not exist"));
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
				throw new Problems.ValidationFailed("lines", "line number " + lineNo + " is used twice");
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
		publish(doc.kind(), doc.no(), TableChanged.Kind.DELETED, List.of(new FieldChange("no", doc.no(), null)));
	}

	private void publish(DocumentKind kind, String no, TableChanged.Kind change, List<FieldChange> changes) {
		String recordType = switch (kind.side()) {
			case SALES -> "SALES_DOCUMENT";
			case PURCHASE -> "PURCHASE_DOCUMENT";
			case SERVICE -> "SERVICE_ORDER";
		};
		events.publishEvent(
				new TableChanged(recordType, kind.name() + "/" + no, change, changes, Map.of(), Actor.current()));
	}

	private Doc lock(DocumentKind kind, String no) {
		jdbc.sql("SELECT no FROM document WHERE kind = ? AND no = ? FOR UPDATE")
			.params(kind.name(), no)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Problems.NotFound(kind.title(false), no));
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
			.query((rs, n) -> doc(rs, lines))
			.optional();
	}

	private static Doc doc(ResultSet rs, List<Doc.Line> lines) throws SQLException {
		return new Doc(DocumentKind.valueOf(rs.getString(1)), rs.getString(2), rs.getObject(3, LocalDate.class),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13), lines);
	}

	private static void addFilter(List<String> where, Map<String, Object> params, String column,
			@Nullable String value) {
		if (value != null) {
			where.add(column + " = :" + column);
			params.put(column, value.toUpperCase(Locale.ROOT));
		}
	}

	/**
	 * A request body, read strictly for its kind: another kind's party fields are unknown
	 * here.
	 */
	record Input(Set<String> present, @Nullable LocalDate documentDate, @Nullable String contactNo,
			@Nullable String recordNo, @Nullable String templateCode, @Nullable String salespersonCode,
			String salespersonField, @Nullable String currencyCode, @Nullable String description,
			@Nullable String status, @Nullable List<Doc.Line> lines) {

		boolean has(String field) {
			return present.contains(field);
		}

		static Input read(DocumentKind kind, JsonNode body, boolean patch) {
			if (!body.isObject()) {
				throw new Problems.MalformedRequest("body", "must be a JSON object");
			}
			Set<String> allowed = new HashSet<>(Set.of("documentDate", kind.contactField(), kind.recordField(),
					kind.salespersonField(), "currencyCode", "status", "lines", "description"));
			if (kind.templateField() != null) {
				allowed.add(kind.templateField());
			}
			List<FieldError> malformed = new ArrayList<>();
			List<FieldError> invalid = new ArrayList<>();
			Set<String> present = new HashSet<>();
			Map<String, @Nullable String> texts = new LinkedHashMap<>();
			LocalDate date = null;
			List<Doc.Line> lines = null;
			for (Map.Entry<String, JsonNode> property : body.properties()) {
				String name = property.getKey();
				JsonNode value = property.getValue();
				if (!allowed.contains(name)) {
					malformed.add(new FieldError(name,
							"is not a field of a " + kind.title(false).toLowerCase(Locale.ROOT)
									+ (Set.of("no", "version", "amount", "quoteNo").contains(name)
											? " that can be written" : "")));
					continue;
				}
				present.add(name.equals(kind.templateField()) ? "template" : name);
				if (name.equals("lines")) {
					lines = readLines(value, malformed, invalid);
				}
				else if (value.isNull()) {
					texts.put(name, null);
				}
				else if (!value.isString()) {
					malformed.add(new FieldError(name, "must be a string"));
				}
				else if (name.equals("documentDate")) {
					try {
						date = LocalDate.parse(value.asString());
					}
					catch (DateTimeParseException ex) {
						malformed.add(new FieldError(name, "must be a date like 2026-11-24"));
					}
				}
				else {
					String text = value.asString();
					int max = name.equals("description") ? 100 : 20;
					if (text.length() > max) {
						invalid.add(new FieldError(name,
								"is " + text.length() + " characters long; at most " + max + " are allowed"));
					}
					texts.put(name, name.equals("description") || text.isEmpty() ? (text.isEmpty() ? null : text)
							: text.toUpperCase(Locale.ROOT));
				}
			}
			String status = texts.get("status");
			if (status != null && !Set.of("OPEN", "RELEASED").contains(status)) {
				invalid.add(new FieldError("status", "must be OPEN or RELEASED"));
			}
			if (!malformed.isEmpty()) {
				throw new Problems.MalformedRequest(
						"The request body does not fit a " + kind.title(false).toLowerCase(Locale.ROOT) + ".",
						malformed);
			}
			if (!invalid.isEmpty()) {
				throw new Problems.ValidationFailed(invalid);
			}
			return new Input(present, date, texts.get(kind.contactField()), texts.get(kind.recordField()),
					kind.templateField() == null ? null : texts.get(kind.templateField()),
					texts.get(kind.salespersonField()), kind.salespersonField(), texts.get("currencyCode"),
					texts.get("description"), status, lines);
		}

		private static @Nullable List<Doc.Line> readLines(JsonNode value, List<FieldError> malformed,
				List<FieldError> invalid) {
			if (!value.isArray()) {
				malformed.add(new FieldError("lines", "must be a list of lines"));
				return null;
			}
			List<Doc.Line> lines = new ArrayList<>();
			int index = 0;
			for (JsonNode line : value) {
				String at = "lines[" + index++ + "]";
				if (!line.isObject()) {
					malformed.add(new FieldError(at, "must be an object"));
					continue;
				}
				for (String name : line.propertyNames()) {
					if (!Set.of("lineNo", "description", "quantity", "unitPrice", "lineAmount").contains(name)) {
						malformed.add(new FieldError(at + "." + name, "is not a field of a line"));
					}
				}
				JsonNode lineNo = line.path("lineNo");
				JsonNode description = line.path("description");
				JsonNode quantity = line.path("quantity");
				JsonNode unitPrice = line.path("unitPrice");
				if ((!lineNo.isMissingNode() && !lineNo.isIntegralNumber())
						|| (!description.isMissingNode() && !description.isString())
						|| (!quantity.isMissingNode() && !quantity.isNumber())
						|| (!unitPrice.isMissingNode() && !unitPrice.isNumber())) {
					malformed.add(new FieldError(at, "has a value of the wrong type"));
					continue;
				}
				String text = description.isMissingNode() ? "" : description.asString();
				BigDecimal qty = quantity.isMissingNode() ? BigDecimal.ZERO : quantity.decimalValue();
				BigDecimal price = unitPrice.isMissingNode() ? BigDecimal.ZERO : unitPrice.decimalValue();
				if (text.length() > 100) {
					invalid.add(new FieldError(at + ".description", "must be at most 100 characters"));
				}
				if (price.signum() < 0) {
					invalid.add(new FieldError(at + ".unitPrice", "must not be negative"));
				}
				if (qty.abs().compareTo(new BigDecimal("1000000000")) > 0
						|| price.compareTo(new BigDecimal("1000000000")) > 0) {
					invalid.add(new FieldError(at, "quantity and unit price must be below 1,000,000,000"));
				}
				int no = lineNo.isMissingNode() ? 0 : lineNo.asInt();
				if (!lineNo.isMissingNode() && no <= 0) {
					invalid.add(new FieldError(at + ".lineNo", "must be positive"));
				}
				lines.add(new Doc.Line(no, text, qty, price));
			}
			return lines;
		}

	}

}
