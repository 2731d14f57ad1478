package io.contactsync.relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeNumbers;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.RowArrays;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of contact business relations: read, added and removed with their change log
 * entries, and each contact's {@code contactBusinessRelation} kept current
 * (docs/rules.md, "Business relation summary").
 */
@Component
class Relations {

	/** How the change log names a contact business relation. */
	static final String RECORD_TYPE = "CONTACT_BUSINESS_RELATION";

	private static final String SELECT = "SELECT r.contact_no, r.business_relation_code, b.description, r.link_to_table,"
			+ " coalesce(r.customer_no, r.vendor_no, r.bank_account_no) AS linked_no, c.name"
			+ " FROM contact_business_relation r JOIN business_relation b ON b.code = r.business_relation_code"
			+ " JOIN contact c ON c.no = r.contact_no";

	private static final RowMapper<ContactBusinessRelation> ROWS = (rs, n) -> new ContactBusinessRelation(
			rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));

	private final JdbcClient jdbc;

	private final Contacts contacts;

	private final LinkedRecords records;

	private final ApplicationEventPublisher events;

	private final ChangeNumbers numbers;

	private final RowArrays rowArrays;

	Relations(JdbcClient jdbc, Contacts contacts, LinkedRecords records, ApplicationEventPublisher events,
			ChangeNumbers numbers, RowArrays rowArrays) {
		this.numbers = numbers;
		this.rowArrays = rowArrays;
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.records = records;
		this.events = events;
	}

	List<ContactBusinessRelation> of(String contactNo) {
		return jdbc.sql(SELECT + " WHERE r.contact_no = ? ORDER BY r.business_relation_code")
			.param(contactNo)
			.query(ROWS)
			.list();
	}

	Optional<ContactBusinessRelation> find(String contactNo, String code) {
		return of(contactNo).stream().filter(r -> r.businessRelationCode().equals(code)).findFirst();
	}

	/** The link of a contact to a record type, if it has one. */
	Optional<ContactBusinessRelation> linkOf(String contactNo, LinkedRecordType type) {
		return of(contactNo).stream().filter(r -> type.name().equals(r.linkToTable())).findFirst();
	}

	/** The contact a record is linked to, if any. */
	Optional<String> contactOf(LinkedRecordType type, String recordNo) {
		return jdbc.sql("SELECT contact_no FROM contact_business_relation WHERE " + column(type) + " = ?")
			.param(recordNo)
			.query(String.class)
			.optional();
	}

	/**
	 * Adds a relation; with a type and number it is a link to that record.
	 * @return the change log entry of the new relation, which the changes linking makes
	 * name as their cause
	 */
	long add(Row contact, String code, @Nullable LinkedRecordType type, @Nullable String recordNo) {
		long entryNo = write(contact, code, type, recordNo);
		if (type != null && recordNo != null) {
			events.publishEvent(new RecordLinked(contact.text("no"), type, recordNo));
		}
		refreshSummary(contact);
		return entryNo;
	}

	/**
	 * {@link #add} for a contact made in this transaction, which has no other relation,
	 * no people and no documents yet: its summary is this relation, and no
	 * {@link RecordLinked} goes out, there being nothing for its listeners to pass on.
	 */
	void addToNew(Row contact, String code, @Nullable LinkedRecordType type, @Nullable String recordNo) {
		write(contact, code, type, recordNo);
		String summary = type == null ? "OTHER" : type.name();
		// (a contact made for a record was written showing it already)
		if (!summary.equals(contact.text("contactBusinessRelation"))) {
			contacts.showBusinessRelation(contact.text("no"), summary);
		}
	}

	private long write(Row contact, String code, @Nullable LinkedRecordType type, @Nullable String recordNo) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("customerNo", type == LinkedRecordType.CUSTOMER ? recordNo : null);
		values.put("vendorNo", type == LinkedRecordType.VENDOR ? recordNo : null);
		values.put("bankAccountNo", type == LinkedRecordType.BANK_ACCOUNT ? recordNo : null);
		jdbc.sql("INSERT INTO contact_business_relation (contact_no, contact_type, contact_standalone,"
				+ " business_relation_code, link_to_table, customer_no, vendor_no, bank_account_no)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(contact.text("no"), contact.text("type"), contact.get("companyNo") == null, code,
					type == null ? null : type.name(), values.get("customerNo"), values.get("vendorNo"),
					values.get("bankAccountNo"))
			.update();
		if (type != null && recordNo != null) {
			records.of(type).showContact(recordNo, contact.text("no"));
		}
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange("businessRelationCode", null, code));
		if (type != null) {
			changes.add(new FieldChange("linkToTable", null, type.name()));
			changes.add(new FieldChange("linkedNo", null, recordNo));
		}
		return publish(contact.text("no"), code, RecordChange.Kind.CREATED, changes);
	}

	/**
	 * {@link #add} for the links of many new contacts at once: one statement for the
	 * relations, one for the records' {@code contactNo}, one change event, one for the
	 * contacts' summaries. Nothing names a contact made in the same transaction yet, so
	 * no {@link RecordLinked} goes out: there is nothing for its listeners to pass on.
	 * @param contacts new company contacts, each with only the link it gets here
	 * @param recordNos the record each is linked to, in the same order
	 */
	void addNewLinks(LinkedRecordType type, String code, List<Row> contacts, List<String> recordNos) {
		List<String> columns = List.of("contact_no", "contact_type", "contact_standalone", "business_relation_code",
				"link_to_table", column(type));
		List<Map<String, @Nullable Object>> rows = new ArrayList<>(contacts.size());
		List<RecordEvent> changes = new ArrayList<>(contacts.size());
		Map<String, String> contactOfRecord = new LinkedHashMap<>();
		for (int i = 0; i < contacts.size(); i++) {
			Row contact = contacts.get(i);
			String recordNo = recordNos.get(i);
			Map<String, @Nullable Object> row = new HashMap<>();
			row.put("contact_no", contact.text("no"));
			row.put("contact_type", contact.text("type"));
			row.put("contact_standalone", contact.get("companyNo") == null);
			row.put("business_relation_code", code);
			row.put("link_to_table", type.name());
			row.put(column(type), recordNo);
			rows.add(row);
			contactOfRecord.put(recordNo, contact.text("no"));
			changes.add(new BusinessRelationAdded(
					new RecordChange(RECORD_TYPE, contact.text("no") + "/" + code, RecordChange.Kind.CREATED,
							List.of(new FieldChange("businessRelationCode", null, code),
									new FieldChange("linkToTable", null, type.name()),
									new FieldChange("linkedNo", null, recordNo)),
							Map.of(), Actor.current())));
		}
		jdbc.sql("INSERT INTO contact_business_relation (" + String.join(", ", columns) + ") SELECT "
				+ String.join(", ", columns) + " FROM " + RowArrays.from("contact_business_relation", "rows"))
			.param("rows", rowArrays.of("contact_business_relation", rows))
			.update();
		records.of(type).showContacts(contactOfRecord);
		events.publishEvent(new RecordChange.Batch(RECORD_TYPE, RecordChange.Kind.CREATED, changes));
	}

	/** Removes a relation; a link goes with it, and both records stay. */
	void remove(ContactBusinessRelation relation) {
		jdbc.sql("DELETE FROM contact_business_relation WHERE contact_no = ? AND business_relation_code = ?")
			.params(relation.contactNo(), relation.businessRelationCode())
			.update();
		LinkedRecordType type = relation.isLink() ? LinkedRecordType.valueOf(relation.linkToTable()) : null;
		if (type != null) {
			records.of(type).showContact(relation.linkedNo(), null);
		}
		List<FieldChange> changes = new ArrayList<>();
		changes.add(new FieldChange("businessRelationCode", relation.businessRelationCode(), null));
		if (type != null) {
			changes.add(new FieldChange("linkToTable", type.name(), null));
			changes.add(new FieldChange("linkedNo", relation.linkedNo(), null));
		}
		publish(relation.contactNo(), relation.businessRelationCode(), RecordChange.Kind.DELETED, changes);
		contacts.find(relation.contactNo()).ifPresent(this::refreshSummary);
	}

	/**
	 * Recomputes the summary of a contact and, for a company, of its people, whose
	 * summary counts the company's relations too.
	 */
	void refreshSummary(Row contact) {
		String no = contact.text("no");
		boolean company = ContactType.COMPANY.is(contact.text("type"));
		contacts.showBusinessRelation(no, summary(no, company ? null : contact.text("companyNo")));
		if (company) {
			for (String person : contacts.peopleOf(no)) {
				contacts.showBusinessRelation(person, summary(person, no));
			}
		}
	}

	private String summary(String contactNo, @Nullable String companyNo) {
		// A person's and its company's relations, read together.
		String[] whose = companyNo == null || companyNo.equals(contactNo) ? new String[] { contactNo }
				: new String[] { contactNo, companyNo };
		List<ContactBusinessRelation> relations = jdbc.sql(SELECT + " WHERE r.contact_no = ANY(?)")
			.param(whose)
			.query(ROWS)
			.list();
		if (relations.isEmpty()) {
			return "NONE";
		}
		if (relations.size() > 1) {
			return "MULTIPLE";
		}
		ContactBusinessRelation only = relations.get(0);
		return only.isLink() ? only.linkToTable() : "OTHER";
	}

	private long publish(String contactNo, String code, RecordChange.Kind kind, List<FieldChange> changes) {
		long entryNo = numbers.next();
		RecordChange change = new RecordChange(RECORD_TYPE, contactNo + "/" + code, kind, changes, Map.of(),
				Actor.current(), null, entryNo, null);
		events.publishEvent(kind == RecordChange.Kind.CREATED ? new BusinessRelationAdded(change)
				: new BusinessRelationRemoved(change));
		return entryNo;
	}

	static String column(LinkedRecordType type) {
		return switch (type) {
			case CUSTOMER -> "customer_no";
			case VENDOR -> "vendor_no";
			case BANK_ACCOUNT -> "bank_account_no";
		};
	}

}
