package io.contactsync.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.contactsync.contact.CompanyContactRequired;
import io.contactsync.contact.ContactDeleting;
import io.contactsync.setup.ContactType;
import io.contactsync.contact.Contacts;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeLogEntries;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.TableChanged;
import io.contactsync.relation.RelationProblems.BusinessRelationCodeMissing;
import io.contactsync.relation.RelationProblems.ContactAlreadyLinked;
import io.contactsync.relation.RelationProblems.RecordAlreadyLinked;
import io.contactsync.relation.RelationProblems.TemplateRequired;
import io.contactsync.setup.LinkedRecordDeleting;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three ways to link (docs/rules.md, "Linking"): a contact with an existing record, a
 * new record from a contact, and a new contact from a record; plain relations; and what
 * deleting either side does to the link (docs/rules.md, "Deleting").
 */
@Service
public class Linking {

	/** Which side's values win where the shared fields differ when linking. */
	public enum MasterFields {

		CONTACT, LINKED_RECORD

	}

	/**
	 * Set while a record is created from a contact, which must not get a second contact.
	 */
	private static final ThreadLocal<Boolean> CREATING_FROM_CONTACT = ThreadLocal.withInitial(() -> false);

	private final Contacts contacts;

	private final LinkedRecords records;

	private final Relations relations;

	private final SharedFields shared;

	private final SetupApi setup;

	private final JdbcClient jdbc;

	Linking(Contacts contacts, LinkedRecords records, Relations relations, SharedFields shared, SetupApi setup,
			JdbcClient jdbc) {
		this.contacts = contacts;
		this.records = records;
		this.relations = relations;
		this.shared = shared;
		this.setup = setup;
		this.jdbc = jdbc;
	}

	/**
	 * Linking writes the linked record: the roles that may write that kind of record may
	 * link it (the path rules of the API and the UI let all of them reach here).
	 */
	public static void requireWriter(LinkedRecordType type) {
		boolean permitted = switch (type) {
			case CUSTOMER -> Actor.hasAnyRole("ADMIN", "SALES", "FINANCE");
			case VENDOR -> Actor.hasAnyRole("ADMIN", "PURCHASING", "FINANCE");
			case BANK_ACCOUNT -> Actor.hasAnyRole("ADMIN", "FINANCE");
		};
		if (!permitted) {
			throw new Problems.Forbidden("Your roles do not allow you to link " + LinkedRecords.title(type) + "s.");
		}
	}

	@Transactional(readOnly = true)
	public List<ContactBusinessRelation> relationsOf(String contactNo) {
		contacts.get(contactNo);
		return relations.of(contactNo);
	}

	/**
	 * A plain relation, such as "lawyer"; the codes reserved for links cannot be used so.
	 */
	@Transactional
	public ContactBusinessRelation addPlain(String contactNo, @Nullable String code) {
		Row contact = contacts.get(contactNo);
		if (code == null || code.isBlank()) {
			throw new Problems.ValidationFailed("businessRelationCode", "is required");
		}
		String relation = code.toUpperCase(Locale.ROOT);
		for (LinkedRecordType type : LinkedRecordType.values()) {
			if (setup.businessRelationCodeFor(type).filter(relation::equals).isPresent()) {
				throw new Problems.ValidationFailed("businessRelationCode",
						relation + " is used when a contact is linked with a " + LinkedRecords.title(type)
								+ "; link the contact instead");
			}
		}
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM business_relation WHERE code = ?)")
			.param(relation)
			.query(Boolean.class)
			.single()) {
			throw new Problems.UnknownCode("businessRelationCode", "Business relation " + relation + " does not exist");
		}
		if (relations.find(contactNo, relation).isPresent()) {
			throw new Problems.AlreadyExists("Business relation of contact " + contactNo, relation);
		}
		relations.add(contact, relation, null, null);
		return relations.find(contactNo, relation).orElseThrow();
	}

	/** Removes a relation, and with it the link if it had one: both records stay. */
	@Transactional
	public void remove(String contactNo, String code) {
		contacts.get(contactNo);
		ContactBusinessRelation relation = relations.find(contactNo, code.toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new Problems.NotFound("Business relation of contact " + contactNo, code));
		relations.remove(relation);
	}

	/**
	 * (docs/rules.md, "Link a contact with an existing record") links a contact with an
	 * existing record; {@code master} says whose values win.
	 */
	@Transactional
	public ContactBusinessRelation link(String contactNo, LinkedRecordType type, String recordNo, MasterFields master) {
		String code = codeFor(type);
		Row contact = linkTarget(contacts.get(contactNo), type);
		LinkedRecordService service = records.of(type);
		Row record = service.get(recordNo);
		checkNotLinked(contact, type);
		relations.contactOf(type, record.text("no")).ifPresent(linked -> {
			throw new RecordAlreadyLinked(LinkedRecords.title(type), record.text("no"), linked);
		});
		relations.find(contact.text("no"), code).ifPresent(relations::remove);
		relations.add(contact, code, type, record.text("no"));
		Actor carrier = Actor.current().carrying(ChangeLogEntries.last());
		if (master == MasterFields.CONTACT) {
			Actor.runAs(carrier, () -> service.apply(record.text("no"), shared.toRecord(type, contact.values())));
		}
		else {
			Actor.runAs(carrier, () -> contacts.apply(contact.text("no"), shared.toContact(type, record.values())));
		}
		return relations.linkOf(contact.text("no"), type).orElseThrow();
	}

	/**
	 * (docs/rules.md, "Create a record from a contact") creates a customer, vendor or
	 * bank account from a contact, with the contact's values and then the template's
	 * where still empty.
	 */
	@Transactional
	public Row createRecord(String contactNo, LinkedRecordType type, @Nullable String templateCode) {
		codeFor(type);
		Row chosen = contacts.get(contactNo);
		Row contact = linkTarget(chosen, type);
		checkNotLinked(contact, type);
		LinkedRecordService service = records.of(type);
		Map<String, @Nullable Object> values = new LinkedHashMap<>(shared.shared(type, contact));
		values.put("name", contact.text("name"));
		if (type == LinkedRecordType.CUSTOMER) {
			values.put("contactType", contact.text("type"));
		}
		template(type, contact.text("type"), templateCode).ifPresent(t -> service.fillFromTemplate(values, t));
		Row record;
		CREATING_FROM_CONTACT.set(true);
		try {
			record = service.insert(values);
		}
		finally {
			CREATING_FROM_CONTACT.set(false);
		}
		relations.add(contact, codeFor(type), type, record.text("no"));
		// What the template filled in shared fields (a country, a currency) goes back to
		// the
		// contact, and from it to its other records, as any change of a linked record
		// would.
		Row created = record;
		Actor.runAs(Actor.current().carrying(ChangeLogEntries.last()),
				() -> contacts.apply(contact.text("no"), shared.toContact(type, created.values())));
		if (type != LinkedRecordType.BANK_ACCOUNT) {
			service.apply(record.text("no"), Map.of("primaryContactNo", chosen.text("no")));
		}
		return service.get(record.text("no"));
	}

	/**
	 * (docs/rules.md, "Create contacts from records") a record created with the sync
	 * switched on for its type gets a contact of its own, in the same transaction, from
	 * its shared fields.
	 */
	@EventListener
	@Order(20)
	void onRecordCreated(TableChanged change) {
		if (change.kind() != TableChanged.Kind.CREATED || CREATING_FROM_CONTACT.get()) {
			return;
		}
		LinkedRecordType type = switch (change.recordType()) {
			case "CUSTOMER" -> LinkedRecordType.CUSTOMER;
			case "VENDOR" -> LinkedRecordType.VENDOR;
			case "BANK_ACCOUNT" -> LinkedRecordType.BANK_ACCOUNT;
			default -> null;
		};
		if (type == null) {
			return;
		}
		Optional<String> code = setup.businessRelationCodeFor(type);
		if (code.isEmpty()) {
			return;
		}
		createContactFor(type, change.written(), code.get(), false);
	}

	/**
	 * (docs/rules.md, "Business relation summary") a person's summary counts its
	 * company's relations from the moment it joins the company, however it was made or
	 * moved.
	 */
	@EventListener
	@Order(25)
	void onPersonJoined(TableChanged change) {
		if (!change.recordType().equals("CONTACT") || change.kind() == TableChanged.Kind.DELETED
				|| change.values().get("companyNo") == null || (change.kind() == TableChanged.Kind.CREATED
						&& !ContactType.PERSON.is(change.values().get("type")))) {
			return;
		}
		relations.refreshSummary(change.written());
	}

	/**
	 * Creating contacts from records (docs/rules.md, "Create contacts from records") as a
	 * batch job does it: creates and links the contact of a record that has none.
	 * @return the new contact's number; empty when the record had a contact already
	 * (nothing is done)
	 */
	@Transactional
	public Optional<String> createContactIfMissing(LinkedRecordType type, String recordNo) {
		if (relations.contactOf(type, recordNo).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(createContactFor(type, records.of(type).get(recordNo), codeFor(type), true).text("no"));
	}

	/**
	 * Checks that contacts can be created for a record type: its business relation code
	 * is set.
	 */
	@Transactional(readOnly = true)
	public void requireSyncFor(LinkedRecordType type) {
		codeFor(type);
	}

	/**
	 * Creates and links the contact of a record: the same rules for one record and for a
	 * batch. A person named in the record's {@code contact} becomes its primary contact;
	 * without one, a person customer's own contact is its primary contact, and a company
	 * contact is one only when a batch job makes it, as the ERP does: a company customer
	 * created by hand keeps {@code contact} free for the name of the person to make.
	 */
	Row createContactFor(LinkedRecordType type, Row record, String code, boolean companyIsPrimary) {
		Row contact = contacts.insert(contactValues(type, record));
		relations.addToNew(contact, code, type, record.text("no"));
		if (type != LinkedRecordType.BANK_ACCOUNT) {
			Map<String, @Nullable Object> person = personValues(record, contact);
			String primary = null;
			if (person != null) {
				primary = contacts.insert(person).text("no");
			}
			else if (companyIsPrimary || ContactType.PERSON.is(contact.text("type"))) {
				primary = contact.text("no");
			}
			if (primary != null) {
				records.of(type).apply(record.text("no"), Map.of("primaryContactNo", primary));
			}
		}
		return contact;
	}

	/**
	 * Creating contacts from records in bulk, for a batch job: creates and links the
	 * contacts of the records among {@code recordNos} that have none, with the same
	 * values as one at a time, a few statements for them all. The records are locked
	 * first, so that none changes while its contact is made from it.
	 * @return the numbers of the company contacts made, one per record that had none
	 */
	@Transactional
	public List<String> createContactsIfMissing(LinkedRecordType type, List<String> recordNos) {
		String code = codeFor(type);
		LinkedRecordService service = records.of(type);
		List<Row> unlinked = jdbc
			.sql("SELECT * FROM " + service.table().table() + " r WHERE r.no = ANY(?) AND NOT EXISTS (SELECT 1"
					+ " FROM contact_business_relation l WHERE l." + Relations.column(type) + " = r.no)"
					+ " ORDER BY r.no FOR UPDATE OF r")
			.param(recordNos.toArray(String[]::new))
			.query(service.rows())
			.list();
		if (unlinked.isEmpty()) {
			return List.of();
		}
		List<Row> companies = contacts.insertAll(unlinked.stream().map(record -> contactValues(type, record)).toList());
		List<String> linkedNos = unlinked.stream().map(record -> record.text("no")).toList();
		relations.addNewLinks(type, code, companies, linkedNos);
		List<String> made = new ArrayList<>(companies.stream().map(contact -> contact.text("no")).toList());
		List<String> summaries = new ArrayList<>(made);
		if (type != LinkedRecordType.BANK_ACCOUNT) {
			List<Map<String, @Nullable Object>> people = new ArrayList<>();
			List<String> recordsOfPeople = new ArrayList<>();
			for (int i = 0; i < unlinked.size(); i++) {
				Map<String, @Nullable Object> person = personValues(unlinked.get(i), companies.get(i));
				if (person != null) {
					people.add(person);
					recordsOfPeople.add(linkedNos.get(i));
				}
			}
			Map<String, Row> primaryOf = new HashMap<>();
			for (int i = 0; i < unlinked.size(); i++) {
				primaryOf.put(linkedNos.get(i), companies.get(i));
			}
			List<Row> madePeople = contacts.insertAll(people);
			for (int i = 0; i < madePeople.size(); i++) {
				primaryOf.put(recordsOfPeople.get(i), madePeople.get(i));
				summaries.add(madePeople.get(i).text("no"));
			}
			// What choosing a primary contact does (PrimaryContacts): the record shows
			// its name. Its phone and e-mail are the company's already, being where the
			// company's came from.
			Map<String, Map<String, @Nullable Object>> chosen = new LinkedHashMap<>();
			primaryOf.forEach((recordNo, primary) -> {
				Map<String, @Nullable Object> change = new LinkedHashMap<>();
				change.put("primaryContactNo", primary.text("no"));
				change.put("contact", primary.text("name"));
				chosen.put(recordNo, change);
			});
			service.applyAll(chosen);
		}
		contacts.showBusinessRelation(summaries, type.name());
		return made;
	}

	/**
	 * A new contact's values from its record: the shared fields, name, type, and the
	 * record's salesperson (purchaser, our contact).
	 */
	private Map<String, @Nullable Object> contactValues(LinkedRecordType type, Row record) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(shared.shared(type, record));
		values.put("name", record.text("name"));
		values.put("type", type == LinkedRecordType.CUSTOMER ? record.text("contactType") : ContactType.COMPANY.name());
		String salesperson = switch (type) {
			case CUSTOMER -> record.text("salespersonCode");
			case VENDOR -> record.text("purchaserCode");
			case BANK_ACCOUNT -> record.text("ourContactCode");
		};
		values.put("salespersonCode", salesperson);
		return values;
	}

	/**
	 * The person a record's {@code contact} text names, of the record's new company
	 * contact; null when it names none or the contact is a person itself.
	 */
	private static @Nullable Map<String, @Nullable Object> personValues(Row record, Row contact) {
		String person = record.text("contact");
		if (person == null || person.isBlank() || !ContactType.COMPANY.is(contact.text("type"))) {
			return null;
		}
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("type", ContactType.PERSON.name());
		values.put("name", person);
		values.put("companyNo", contact.text("no"));
		return values;
	}

	/**
	 * (docs/rules.md, "Deleting") a deleted contact's relations go; its records stay,
	 * without it.
	 */
	@EventListener
	void on(ContactDeleting deleting) {
		for (ContactBusinessRelation relation : relations.of(deleting.no())) {
			relations.remove(relation);
		}
		for (LinkedRecordType type : List.of(LinkedRecordType.CUSTOMER, LinkedRecordType.VENDOR)) {
			LinkedRecordService service = records.of(type);
			for (String no : jdbc.sql("SELECT no FROM " + service.table().table() + " WHERE primary_contact_no = ?")
				.param(deleting.no())
				.query(String.class)
				.list()) {
				Map<String, @Nullable Object> cleared = new LinkedHashMap<>();
				cleared.put("primaryContactNo", null);
				cleared.put("contact", null);
				service.apply(no, cleared);
			}
		}
	}

	/** (docs/rules.md, "Deleting") a deleted record's link goes; the contact stays. */
	@EventListener
	void on(LinkedRecordDeleting deleting) {
		relations.contactOf(deleting.type(), deleting.no())
			.flatMap(contactNo -> relations.linkOf(contactNo, deleting.type()))
			.ifPresent(relations::remove);
	}

	private String codeFor(LinkedRecordType type) {
		return setup.businessRelationCodeFor(type)
			.orElseThrow(() -> new BusinessRelationCodeMissing(LinkedRecords.title(type) + "s",
					"businessRelationCodeFor" + switch (type) {
						case CUSTOMER -> "Customers";
						case VENDOR -> "Vendors";
						case BANK_ACCOUNT -> "BankAccounts";
					}));
	}

	/**
	 * Links live on the company: a person of a company links on its company's behalf; a
	 * person without one may only be a customer in its own right (docs/rules.md,
	 * "Invariants", "Linking").
	 */
	private Row linkTarget(Row contact, LinkedRecordType type) {
		if (!ContactType.PERSON.is(contact.text("type"))) {
			return contact;
		}
		String companyNo = contact.text("companyNo");
		if (companyNo != null) {
			return contacts.get(companyNo);
		}
		if (type != LinkedRecordType.CUSTOMER) {
			throw new CompanyContactRequired("contactNo", "A person without a company can be a customer, not a "
					+ LinkedRecords.title(type) + "; attach the person to a company first.");
		}
		return contact;
	}

	private void checkNotLinked(Row contact, LinkedRecordType type) {
		relations.linkOf(contact.text("no"), type).ifPresent(link -> {
			throw new ContactAlreadyLinked(contact.text("no"), LinkedRecords.title(type), link.linkedNo());
		});
	}

	/**
	 * The template to create with: the one given (of the contact's type), else the only
	 * one of the contact's type, else none; several without a choice is
	 * TEMPLATE_REQUIRED.
	 */
	private Optional<Row> template(LinkedRecordType type, String contactType, @Nullable String templateCode) {
		if (type == LinkedRecordType.BANK_ACCOUNT) {
			return Optional.empty();
		}
		String field = type == LinkedRecordType.CUSTOMER ? "customerTemplateCode" : "vendorTemplateCode";
		if (templateCode != null) {
			Row template = records.of(type).template(templateCode.toUpperCase(Locale.ROOT));
			if (!contactType.equals(template.text("contactType"))) {
				throw new Problems.ValidationFailed(field, "template " + template.text("code") + " is for "
						+ template.text("contactType") + " contacts, and this contact is a " + contactType);
			}
			return Optional.of(template);
		}
		List<String> codes = setup.templateCodes(type, contactType);
		if (codes.size() > 1) {
			throw new TemplateRequired(field, codes);
		}
		return codes.stream().findFirst().map(code -> records.of(type).template(code));
	}

}
