package io.contactsync.interaction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.contactsync.contact.ContactDeleting;
import io.contactsync.contact.Contacts;
import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.TextRules;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.setup.ContactType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interaction log (docs/rules.md, "Interactions"): entries logged by hand, and by the
 * actions that log themselves (documents printed or sent, e-mail sent, service orders
 * created) when interaction template setup names a template for them and they have a
 * contact.
 */
@Service
public class InteractionLog {

	/** The business day and time of entries: the company's own, in Norway. */
	static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

	private static final String SELECT = "SELECT entry_no, contact_no, contact_company_no, contact_name, date, time,"
			+ " interaction_template_code, description, information_flow, initiated_by, cost_lcy, duration_min,"
			+ " document_type, document_no, salesperson_code, user_id, canceled FROM interaction_log_entry";

	private final JdbcClient jdbc;

	private final Contacts contacts;

	private final InteractionTemplateSetup setup;

	private final ApplicationEventPublisher events;

	InteractionLog(JdbcClient jdbc, Contacts contacts, InteractionTemplateSetup setup,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.setup = setup;
		this.events = events;
	}

	/** What a user logs by hand. */
	@Schema(name = "InteractionRequest")
	public record Request(@Nullable String interactionTemplateCode, @Nullable String description,
			@Nullable LocalDate date, @Nullable BigDecimal costLcy, @Nullable BigDecimal durationMin) {
	}

	/**
	 * Logs what a document or action did for a contact, if setup names a template for its
	 * type; with no template, or no contact, nothing is logged and the action goes on.
	 * @param description the document's description, or null for the template's
	 */
	@Transactional
	public Optional<InteractionLogEntry> logFor(DocumentType type, @Nullable String contactNo,
			@Nullable String description, @Nullable String documentNo) {
		if (contactNo == null) {
			return Optional.empty();
		}
		Optional<Row> contact = contacts.find(contactNo);
		Optional<String> template = setup.templateFor(type);
		if (contact.isEmpty() || template.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(write(contact.get(), template(template.get()).orElseThrow(), description, null, null, null,
				type.name(), documentNo));
	}

	@Transactional
	public InteractionLogEntry logByHand(String contactNo, Request request) {
		Row contact = contacts.get(contactNo);
		List<FieldError> errors = new ArrayList<>();
		if (request.interactionTemplateCode() == null || request.interactionTemplateCode().isBlank()) {
			errors.add(new FieldError("interactionTemplateCode", "invalid.required"));
		}
		FieldError description = request.description() == null ? null
				: TextRules.check("description", request.description(), 100);
		if (description != null) {
			errors.add(description);
		}
		for (Map.Entry<String, @Nullable BigDecimal> amount : amounts(request).entrySet()) {
			if (amount.getValue() != null && amount.getValue().signum() < 0) {
				errors.add(new FieldError(amount.getKey(), "invalid.negative"));
			}
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		String code = request.interactionTemplateCode().toUpperCase(Locale.ROOT);
		Template template = template(code).orElseThrow(() -> new Problems.UnknownCode("interactionTemplateCode",
				"invalid.unknownCode", Problems.kindName("INTERACTION_TEMPLATE"), code));
		return write(contact, template, request.description(), request.date(), request.costLcy(), request.durationMin(),
				null, null);
	}

	/** Cancels an entry: it stays in the log, marked as canceled. */
	@Transactional
	public InteractionLogEntry cancel(long entryNo) {
		InteractionLogEntry entry = get(entryNo);
		if (!entry.canceled()) {
			jdbc.sql("UPDATE interaction_log_entry SET canceled = true WHERE entry_no = ?").param(entryNo).update();
			publish(entryNo, RecordChange.Kind.UPDATED, List.of(new FieldChange("canceled", "false", "true")));
		}
		return get(entryNo);
	}

	@Transactional(readOnly = true)
	public InteractionLogEntry get(long entryNo) {
		return jdbc.sql(SELECT + " WHERE entry_no = ?")
			.param(entryNo)
			.query(InteractionLog::entry)
			.optional()
			.orElseThrow(
					() -> new Problems.NotFound(Problems.kindName("INTERACTION_LOG_ENTRY"), Long.toString(entryNo)));
	}

	/** A contact's interactions, newest first; a company's include its people's. */
	@Transactional(readOnly = true)
	public List<InteractionLogEntry> ofContact(String contactNo) {
		contacts.get(contactNo);
		return jdbc
			.sql(SELECT + " WHERE contact_no = :no OR contact_company_no = :no ORDER BY entry_no DESC LIMIT 1000")
			.param("no", contactNo)
			.query(InteractionLog::entry)
			.list();
	}

	@Transactional(readOnly = true)
	public Page<InteractionLogEntry> list(@Nullable String contactNo, @Nullable String documentType,
			@Nullable String documentNo, @Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		List<String> where = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (contactNo != null) {
			where.add("contact_no = ?");
			params.add(contactNo);
		}
		if (documentType != null) {
			try {
				params.add(DocumentType.valueOf(documentType).name());
			}
			catch (IllegalArgumentException ex) {
				throw new Problems.ValidationFailed("documentType", "invalid.documentType");
			}
			where.add("document_type = ?");
		}
		if (documentNo != null) {
			where.add("document_no = ?");
			params.add(documentNo);
		}
		String after = Page.decode(cursor);
		if (after != null) {
			try {
				params.add(Long.parseLong(after));
			}
			catch (NumberFormatException ex) {
				throw new Problems.MalformedRequest("cursor", "invalid.cursor");
			}
			where.add("entry_no < ?");
		}
		List<InteractionLogEntry> entries = jdbc
			.sql(SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY entry_no DESC"
					+ " LIMIT " + (size + 1))
			.params(params)
			.query(InteractionLog::entry)
			.list();
		return Page.of(entries, size, entry -> Long.toString(entry.entryNo()));
	}

	/**
	 * Entries are never lost with their contact (docs/rules.md, "Deleting"): a person's
	 * move to its company; a company's keep their data, with the contact's name, without
	 * its number.
	 */
	@EventListener
	void on(ContactDeleting deleting) {
		if (ContactType.PERSON.is(deleting.type()) && deleting.companyNo() != null) {
			jdbc.sql("UPDATE interaction_log_entry SET contact_no = ? WHERE contact_no = ?")
				.params(deleting.companyNo(), deleting.no())
				.update();
		}
		else {
			jdbc.sql("UPDATE interaction_log_entry SET contact_no = NULL, contact_company_no = NULL"
					+ " WHERE contact_no = :no OR contact_company_no = :no")
				.param("no", deleting.no())
				.update();
		}
	}

	private InteractionLogEntry write(Row contact, Template template, @Nullable String description,
			@Nullable LocalDate date, @Nullable BigDecimal cost, @Nullable BigDecimal duration,
			@Nullable String documentType, @Nullable String documentNo) {
		LocalDate day = date != null ? date : LocalDate.now(ZONE);
		LocalTime time = LocalTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS);
		String text = description != null && !description.isBlank() ? description : template.description();
		String companyNo = contact.text("companyNo");
		Long entryNo = jdbc
			.sql("INSERT INTO interaction_log_entry (contact_no, contact_company_no, contact_name, date, time,"
					+ " interaction_template_code, description, information_flow, initiated_by, cost_lcy, duration_min,"
					+ " document_type, document_no, salesperson_code, user_id)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING entry_no")
			.params(contact.text("no"), companyNo, contact.text("name"), day, time, template.code(), text,
					template.informationFlow(), template.initiatedBy(), cost != null ? cost : template.unitCost(),
					duration != null ? duration : template.unitDuration(), documentType, documentNo,
					contact.text("salespersonCode"), Actor.current().user())
			.query(Long.class)
			.single();
		publish(entryNo, RecordChange.Kind.CREATED,
				List.of(new FieldChange("contactNo", null, contact.text("no")),
						new FieldChange("interactionTemplateCode", null, template.code()),
						new FieldChange("description", null, text)));
		return get(entryNo);
	}

	private void publish(long entryNo, RecordChange.Kind kind, List<FieldChange> changes) {
		RecordChange change = new RecordChange("INTERACTION", Long.toString(entryNo), kind, changes, Map.of(),
				Actor.current());
		events.publishEvent(
				kind == RecordChange.Kind.CREATED ? new InteractionLogged(change) : new InteractionCanceled(change));
	}

	private Optional<Template> template(String code) {
		return jdbc
			.sql("SELECT code, description, information_flow, initiated_by, unit_cost_lcy, unit_duration_min"
					+ " FROM interaction_template WHERE code = ?")
			.param(code)
			.query((rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.optional();
	}

	private static Map<String, @Nullable BigDecimal> amounts(Request request) {
		Map<String, @Nullable BigDecimal> amounts = new HashMap<>();
		amounts.put("costLcy", request.costLcy());
		amounts.put("durationMin", request.durationMin());
		return amounts;
	}

	private record Template(String code, String description, String informationFlow, String initiatedBy,
			BigDecimal unitCost, BigDecimal unitDuration) {
	}

	private static BigDecimal plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static InteractionLogEntry entry(ResultSet rs, int n) throws SQLException {
		return new InteractionLogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalTime.class), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getString(10), plain(rs.getBigDecimal(11)), plain(rs.getBigDecimal(12)),
				rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getBoolean(17));
	}

}
