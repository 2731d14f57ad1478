package io.contactsync.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.Actor;
import io.contactsync.platform.table.Row;
import io.contactsync.relation.RelationProblems.BusinessRelationCodeMissing;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts made from customers, vendors and bank accounts (docs/rules.md, "Create
 * contacts from records"): for one record as it is created with the sync on, for records
 * created together (an import's page), and for the records without a contact that a batch
 * job goes through, one at a time or a page at once, with the same values either way.
 */
@Component
class ContactsFromRecords {

	private final Contacts contacts;

	private final LinkedRecords records;

	private final Relations relations;

	private final SharedFields shared;

	private final SetupApi setup;

	private final JdbcClient jdbc;

	ContactsFromRecords(Contacts contacts, LinkedRecords records, Relations relations, SharedFields shared,
			SetupApi setup, JdbcClient jdbc) {
		this.contacts = contacts;
		this.records = records;
		this.relations = relations;
		this.shared = shared;
		this.setup = setup;
		this.jdbc = jdbc;
	}

	/**
	 * Creating contacts from records (docs/rules.md, "Create contacts from records") as a
	 * batch job does it: creates and links the contact of a record that has none.
	 * @return the new contact's number; empty when the record had a contact already
	 * (nothing is done)
	 */
	@Transactional
	Optional<String> createContactIfMissing(LinkedRecordType type, String recordNo) {
		if (relations.contactOf(type, recordNo).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(createContactFor(type, records.of(type).get(recordNo), codeFor(type), true).text("no"));
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
		if (type.hasPrimaryContact()) {
			Map<String, @Nullable Object> person = personValues(type, record, contact);
			String primary = null;
			if (person != null) {
				primary = contacts.insert(person).text("no");
			}
			else if (companyIsPrimary || ContactType.PERSON.is(contact.text("type"))) {
				primary = contact.text("no");
			}
			if (primary != null) {
				// The record's contact was made in this transaction, which so holds it.
				records.of(type)
					.applyFromItsContact(record.text("no"), Map.of("primaryContactNo", primary), Actor.current());
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
	List<String> createContactsIfMissing(LinkedRecordType type, List<String> recordNos) {
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
		return createContactsFor(type, unlinked, code, true);
	}

	/**
	 * {@link #createContactFor} for many records at once, a few statements for them all:
	 * the contacts of a batch job's page, and of records created together (an import's
	 * page).
	 * @return the numbers of the company contacts made, one per record, in their order
	 */
	List<String> createContactsFor(LinkedRecordType type, List<Row> unlinked, String code, boolean companyIsPrimary) {
		LinkedRecordService service = records.of(type);
		List<Row> companies = contacts.insertAll(unlinked.stream().map(record -> contactValues(type, record)).toList());
		List<String> linkedNos = unlinked.stream().map(record -> record.text("no")).toList();
		relations.addNewLinks(type, code, companies, linkedNos);
		List<String> made = new ArrayList<>(companies.stream().map(contact -> contact.text("no")).toList());
		if (type.hasPrimaryContact()) {
			List<Map<String, @Nullable Object>> people = new ArrayList<>();
			List<String> recordsOfPeople = new ArrayList<>();
			for (int i = 0; i < unlinked.size(); i++) {
				Map<String, @Nullable Object> person = personValues(type, unlinked.get(i), companies.get(i));
				if (person != null) {
					people.add(person);
					recordsOfPeople.add(linkedNos.get(i));
				}
			}
			Map<String, Row> primaryOf = new HashMap<>();
			for (int i = 0; i < unlinked.size(); i++) {
				if (companyIsPrimary || ContactType.PERSON.is(companies.get(i).text("type"))) {
					primaryOf.put(linkedNos.get(i), companies.get(i));
				}
			}
			List<Row> madePeople = contacts.insertAll(people);
			for (int i = 0; i < madePeople.size(); i++) {
				primaryOf.put(recordsOfPeople.get(i), madePeople.get(i));
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
			if (!chosen.isEmpty()) {
				service.applyAll(chosen);
			}
		}
		// (their business relation summary was written with them: contactValues)
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
		values.put("contactBusinessRelation", summaryOfNew(type));
		return values;
	}

	/**
	 * The business relation summary of a contact made for a record, and of the person
	 * made with it (docs/rules.md, "Business relation summary"): its one relation, the
	 * link to the record. Written with the contact, since setting it afterwards would
	 * write the new row a second time, with every one of its indexes.
	 */
	private static String summaryOfNew(LinkedRecordType type) {
		return type.name();
	}

	/**
	 * The person a record's {@code contact} text names, of the record's new company
	 * contact; null when it names none or the contact is a person itself.
	 */
	private static @Nullable Map<String, @Nullable Object> personValues(LinkedRecordType type, Row record,
			Row contact) {
		String person = record.text("contact");
		if (person == null || person.isBlank() || !ContactType.COMPANY.is(contact.text("type"))) {
			return null;
		}
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("type", ContactType.PERSON.name());
		values.put("name", person);
		values.put("companyNo", contact.text("no"));
		values.put("contactBusinessRelation", summaryOfNew(type));
		return values;
	}

	/**
	 * The business relation code of a link type; without it,
	 * BUSINESS_RELATION_CODE_MISSING.
	 */
	String codeFor(LinkedRecordType type) {
		return setup.businessRelationCodeFor(type)
			.orElseThrow(() -> new BusinessRelationCodeMissing(LinkedRecords.title(type),
					"businessRelationCodeFor" + switch (type) {
						case CUSTOMER -> "Customers";
						case VENDOR -> "Vendors";
						case BANK_ACCOUNT -> "BankAccounts";
					}));
	}

}
