package io.contactsync.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowVersions;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.DataChecks;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's roles at companies other than its own (docs/rules.md, "Roles at other
 * companies"): company, job title, from and to, and the phone and e-mail of the role. A
 * role ends by its {@code endingDate} and stays, so the history stays. Each change is an
 * event of the person ({@link ContactRoleAdded}, {@link ContactRoleChanged}); a role has
 * its own version.
 */
@Service
public class ContactRoles {

	private static final List<String> FIELDS = List.of("companyNo", "jobTitle", "startingDate", "endingDate", "phoneNo",
			"email");

	private static final String SELECT = "SELECT r.id, r.contact_no, r.company_no, c.name, r.job_title,"
			+ " r.starting_date, r.ending_date, r.phone_no, r.email, r.version, p.name"
			+ " FROM contact_role r JOIN contact c ON c.no = r.company_no JOIN contact p ON p.no = r.contact_no";

	private final JdbcClient jdbc;

	private final Contacts contacts;

	private final DataChecks checks;

	private final ApplicationEventPublisher events;

	ContactRoles(JdbcClient jdbc, Contacts contacts, DataChecks checks, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.checks = checks;
		this.events = events;
	}

	/**
	 * A role as the API shows it; {@code current} from its starting date until the day it
	 * ended.
	 */
	@Schema(name = "ContactRole")
	public record Role(long id, String contactNo, String contactName, String companyNo, String companyName,
			String jobTitle, @Nullable LocalDate startingDate, @Nullable LocalDate endingDate, String phoneNo,
			String email, boolean current, long version) {
	}

	/** A person's roles, current and ended, newest first. */
	@Transactional(readOnly = true)
	public List<Role> of(String contactNo) {
		contacts.get(contactNo);
		return jdbc.sql(SELECT + " WHERE r.contact_no = ? ORDER BY r.starting_date DESC NULLS LAST, r.id DESC")
			.param(contactNo)
			.query((rs, n) -> role(rs))
			.list();
	}

	/** The roles held at a company, current and ended: for its card. */
	@Transactional(readOnly = true)
	public List<Role> at(String companyNo) {
		return jdbc.sql(SELECT + " WHERE r.company_no = ? ORDER BY p.name, r.id")
			.param(companyNo)
			.query((rs, n) -> role(rs))
			.list();
	}

	/** Whether a person holds a current role at a company. */
	@Transactional(readOnly = true)
	public boolean isCurrentAt(String contactNo, String companyNo) {
		return jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM contact_role WHERE contact_no = ? AND company_no = ?"
					+ " AND (starting_date IS NULL OR starting_date <= CURRENT_DATE)"
					+ " AND (ending_date IS NULL OR ending_date > CURRENT_DATE))")
			.params(contactNo, companyNo)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Role get(String contactNo, long id) {
		return jdbc.sql(SELECT + " WHERE r.contact_no = ? AND r.id = ?")
			.params(contactNo, id)
			.query((rs, n) -> role(rs))
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Message.of("record.ROLE"), contactNo + "/" + id));
	}

	@Transactional
	public Role add(String contactNo, JsonNode body) {
		Row person = contacts.records().lock(contactNo);
		if (!ContactType.PERSON.is(person.text("type"))) {
			throw new Problems.ValidationFailed("contactNo", "invalid.roleOfPerson", contactNo);
		}
		Map<String, @Nullable Object> values = read(body);
		if (values.get("companyNo") == null) {
			throw new Problems.ValidationFailed("companyNo", "invalid.required");
		}
		check(person, values, values.keySet());
		long id = jdbc
			.sql("INSERT INTO contact_role (contact_no, company_no, job_title, starting_date, ending_date, phone_no,"
					+ " email) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
			.params(contactNo, values.get("companyNo"), text(values.get("jobTitle")), values.get("startingDate"),
					values.get("endingDate"), text(values.get("phoneNo")), text(values.get("email")))
			.query(Long.class)
			.single();
		List<FieldChange> changes = new ArrayList<>();
		for (String field : FIELDS) {
			Object value = values.get(field);
			if (value != null && !value.toString().isEmpty()) {
				changes.add(new FieldChange("roles." + id + "." + field, null, value.toString()));
			}
		}
		events.publishEvent(new ContactRoleAdded(new RecordChange(Contacts.RECORD_TYPE, contactNo,
				RecordChange.Kind.UPDATED, changes, Map.of(), Actor.current())));
		return get(contactNo, id);
	}

	/** Changes a role by merge patch; ending it is setting its {@code endingDate}. */
	@Transactional
	public Role patch(String contactNo, long id, ExpectedVersion expected, JsonNode body) {
		Row person = contacts.records().lock(contactNo);
		Role current = get(contactNo, id);
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(Message.of("record.ROLE"), contactNo + "/" + id, current.version());
		}
		Map<String, @Nullable Object> values = read(body);
		Map<String, @Nullable Object> merged = new LinkedHashMap<>(valuesOf(current));
		merged.putAll(values);
		if (merged.get("companyNo") == null) {
			throw new Problems.ValidationFailed("companyNo", "invalid.required");
		}
		check(person, merged, values.keySet());
		List<FieldChange> changes = new ArrayList<>();
		Map<String, @Nullable Object> before = valuesOf(current);
		for (String field : FIELDS) {
			String old = text(before.get(field));
			String now = text(merged.get(field));
			if (!old.equals(now)) {
				changes.add(new FieldChange("roles." + id + "." + field, old.isEmpty() ? null : old,
						now.isEmpty() ? null : now));
			}
		}
		if (changes.isEmpty()) {
			return current;
		}
		long version = jdbc
			.sql("UPDATE contact_role r SET company_no = ?, job_title = ?, starting_date = ?, ending_date = ?,"
					+ " phone_no = ?, email = ?, version = " + RowVersions.next("r")
					+ " WHERE id = ? RETURNING version")
			.params(merged.get("companyNo"), text(merged.get("jobTitle")), merged.get("startingDate"),
					merged.get("endingDate"), text(merged.get("phoneNo")), text(merged.get("email")), id)
			.query(Long.class)
			.single();
		events.publishEvent(new ContactRoleChanged(new RecordChange(Contacts.RECORD_TYPE, contactNo,
				RecordChange.Kind.UPDATED, changes, Map.of(), Actor.current(), null, null, version)));
		return get(contactNo, id);
	}

	/**
	 * Through a merge (docs/merge.md): the roles of merged people, and the roles at
	 * merged companies, become the survivor's, each one version up.
	 */
	void move(List<Row> merged, String survivorNo, MergeLedger ledger, boolean rehearsal) {
		for (Row contact : merged) {
			String no = contact.text("no");
			String column = ContactType.PERSON.is(contact.text("type")) ? "contact_no" : "company_no";
			String field = column.equals("contact_no") ? "contactNo" : "companyNo";
			record Moved(long id, String contactNo, long version) {
			}
			List<Moved> moved = rehearsal
					? jdbc.sql("SELECT id, contact_no, version FROM contact_role WHERE " + column + " = ? ORDER BY id")
						.param(no)
						.query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2), rs.getLong(3)))
						.list()
					: jdbc
						.sql("UPDATE contact_role r SET " + column + " = ?, version = " + RowVersions.next("r")
								+ " WHERE " + column + " = ? RETURNING id, contact_no, version")
						.params(survivorNo, no)
						.query((rs, n) -> new Moved(rs.getLong(1), rs.getString(2), rs.getLong(3)))
						.list();
			for (Moved role : moved) {
				ledger.moved(MergeLedger.ROLE, Long.toString(role.id()), no, rehearsal ? null : role.version(),
						Map.of(field, no));
				if (!rehearsal) {
					events.publishEvent(new ContactRoleChanged(
							new RecordChange(Contacts.RECORD_TYPE, role.contactNo(), RecordChange.Kind.UPDATED,
									List.of(new FieldChange("roles." + role.id() + "." + field, no, survivorNo)),
									Map.of(), Actor.current(), null, null, role.version())));
				}
			}
		}
	}

	/** Roles back with their merged contacts, where nothing has changed them since. */
	void restore(List<MergeLedger.Move> moves, String survivorNo, MergeLedger ledger) {
		for (MergeLedger.Move move : moves) {
			if (!move.kind().equals(MergeLedger.ROLE)) {
				continue;
			}
			String field = move.before().containsKey("contactNo") ? "contactNo" : "companyNo";
			String column = field.equals("contactNo") ? "contact_no" : "company_no";
			List<String> back = jdbc
				.sql("UPDATE contact_role r SET " + column + " = ?, version = " + RowVersions.next("r")
						+ " WHERE id = ? AND version = ? RETURNING contact_no, version")
				.params(move.from(), Long.parseLong(move.key()), move.versionAfter())
				.query((rs, n) -> rs.getString(1) + "/" + rs.getLong(2))
				.list();
			if (back.isEmpty()) {
				ledger.notRestored(MergeLedger.ROLE, move.key(), "CHANGED");
				continue;
			}
			String[] role = back.get(0).split("/");
			events.publishEvent(
					new ContactRoleChanged(new RecordChange(Contacts.RECORD_TYPE, role[0], RecordChange.Kind.UPDATED,
							List.of(new FieldChange("roles." + move.key() + "." + field, survivorNo, move.from())),
							Map.of(), Actor.current(), null, null, Long.parseLong(role[1]))));
		}
	}

	/** The values of a request, typed; an unknown field is 400, a bad date 422. */
	private static Map<String, @Nullable Object> read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new Problems.MalformedRequest("body", "invalid.object");
		}
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : body.properties()) {
			String field = entry.getKey();
			JsonNode value = entry.getValue();
			if (!FIELDS.contains(field)) {
				throw new Problems.MalformedRequest(field, "invalid.notAFieldOfRequest");
			}
			if (value.isNull()) {
				values.put(field, field.equals("companyNo") ? null : field.endsWith("Date") ? null : "");
			}
			else if (!value.isString()) {
				throw new Problems.MalformedRequest(field, "invalid.string");
			}
			else if (field.endsWith("Date")) {
				try {
					values.put(field, value.asString().isBlank() ? null : LocalDate.parse(value.asString()));
				}
				catch (DateTimeParseException ex) {
					errors.add(new FieldError(field, "invalid.date"));
				}
			}
			else {
				values.put(field, field.equals("companyNo") ? value.asString().toUpperCase(Locale.ROOT)
						: value.asString().trim());
			}
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		return values;
	}

	/**
	 * A role is at a company other than the person's own, dated in order, its texts
	 * within their lengths and its phone and e-mail checked as a contact's are.
	 */
	private void check(Row person, Map<String, @Nullable Object> values, Set<String> typed) {
		String companyNo = (String) Objects.requireNonNull(values.get("companyNo"));
		Row company = contacts.find(companyNo)
			.filter(found -> ContactType.COMPANY.is(found.text("type")))
			.orElseThrow(() -> new CompanyContactRequired("companyNo", Message.of("invalid.companyNo", companyNo)));
		List<FieldError> errors = new ArrayList<>();
		if (companyNo.equals(person.text("companyNo"))) {
			errors.add(new FieldError("companyNo", "invalid.roleAtOwnCompany", companyNo));
		}
		LocalDate from = (LocalDate) values.get("startingDate");
		LocalDate to = (LocalDate) values.get("endingDate");
		if (from != null && to != null && to.isBefore(from)) {
			errors.add(new FieldError("endingDate", "invalid.endsBeforeStart"));
		}
		length(errors, values, "jobTitle", 30);
		length(errors, values, "phoneNo", 30);
		length(errors, values, "email", 80);
		if (text(values.get("phoneNo")).codePoints().anyMatch(Character::isLetter)) {
			errors.add(new FieldError("phoneNo", "invalid.phone"));
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		Map<String, @Nullable Object> details = new LinkedHashMap<>();
		details.put("phoneNo", text(values.get("phoneNo")));
		details.put("email", text(values.get("email")));
		details.put("countryRegionCode", company.get("countryRegionCode"));
		checks.check(details, null, typed, List::of);
	}

	private static void length(List<FieldError> errors, Map<String, @Nullable Object> values, String field, int max) {
		if (text(values.get(field)).length() > max) {
			errors.add(new FieldError(field, "invalid.atMost", Integer.toString(max)));
		}
	}

	private static Map<String, @Nullable Object> valuesOf(Role role) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("companyNo", role.companyNo());
		values.put("jobTitle", role.jobTitle());
		values.put("startingDate", role.startingDate());
		values.put("endingDate", role.endingDate());
		values.put("phoneNo", role.phoneNo());
		values.put("email", role.email());
		return values;
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	private static Role role(ResultSet rs) throws SQLException {
		LocalDate from = rs.getObject(6, LocalDate.class);
		LocalDate to = rs.getObject(7, LocalDate.class);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Oslo"));
		// The ending date is the day it ended: from then on the role is history.
		boolean current = (from == null || !from.isAfter(today)) && (to == null || to.isAfter(today));
		return new Role(rs.getLong(1), rs.getString(2), rs.getString(11), rs.getString(3), rs.getString(4),
				rs.getString(5), from, to, rs.getString(8), rs.getString(9), current, rs.getLong(10));
	}

}
