package io.contactsync.relation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.contactsync.platform.Message;
import io.contactsync.contact.CompanyContactRequired;
import io.contactsync.contact.ContactDeleting;
import io.contactsync.contact.Contacts;
import io.contactsync.platform.Actor;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.bankaccount.BankAccountCreated;
import io.contactsync.contact.ContactChanged;
import io.contactsync.customer.CustomerCreated;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.purchasing.VendorCreated;
import io.contactsync.relation.RelationProblems.ContactAlreadyLinked;
import io.contactsync.relation.RelationProblems.RecordAlreadyLinked;
import io.contactsync.relation.RelationProblems.TemplateRequired;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.LinkedRecordDeleting;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.LinkedRecordsCreated;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
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

	private final Contacts contacts;

	private final LinkedRecords records;

	private final Relations relations;

	private final SharedFields shared;

	private final SetupApi setup;

	private final JdbcClient jdbc;

	private final ContactsFromRecords fromRecords;

	Linking(ContactsFromRecords fromRecords, Contacts contacts, LinkedRecords records, Relations relations,
			SharedFields shared, SetupApi setup, JdbcClient jdbc) {
		this.fromRecords = fromRecords;
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
			throw new Problems.Forbidden(Message.of("detail.linkForbidden", LinkedRecords.title(type)));
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
			throw new Problems.ValidationFailed("businessRelationCode", "invalid.required");
		}
		String relation = code.toUpperCase(Locale.ROOT);
		for (LinkedRecordType type : LinkedRecordType.values()) {
			if (setup.businessRelationCodeFor(type).filter(relation::equals).isPresent()) {
				throw new Problems.ValidationFailed("businessRelationCode", "invalid.relationForLinks", relation,
						LinkedRecords.title(type));
			}
		}
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM business_relation WHERE code = ?)")
			.param(relation)
			.query(Boolean.class)
			.single()) {
			throw new Problems.UnknownCode("businessRelationCode", "invalid.unknownCode",
					Problems.kindName("BUSINESS_RELATION"), relation);
		}
		if (relations.find(contactNo, relation).isPresent()) {
			throw new Problems.AlreadyExists(Message.of("detail.relationOf", LinkedRecords.contact(contactNo)),
					relation);
		}
		relations.add(contact, relation, null, null);
		return relations.find(contactNo, relation).orElseThrow();
	}

	/** Removes a relation, and with it the link if it had one: both records stay. */
	@Transactional
	public void remove(String contactNo, String code) {
		contacts.get(contactNo);
		ContactBusinessRelation relation = relations.find(contactNo, code.toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new Problems.NotFound(Message.of("detail.relationOf", LinkedRecords.contact(contactNo)),
					code));
		relations.remove(relation);
	}

	/**
	 * (docs/rules.md, "Link a contact with an existing record") links a contact with an
	 * existing record; {@code master} says whose values win.
	 */
	@Transactional
	public ContactBusinessRelation link(String contactNo, LinkedRecordType type, String recordNo, MasterFields master) {
		String code = fromRecords.codeFor(type);
		Row contact = linkTarget(contacts.get(contactNo), type);
		LinkedRecordService service = records.of(type);
		Row record = service.get(recordNo);
		checkNotLinked(contact, type);
		relations.contactOf(type, record.text("no")).ifPresent(linked -> {
			throw new RecordAlreadyLinked(LinkedRecords.title(type), record.text("no"), linked);
		});
		relations.find(contact.text("no"), code).ifPresent(relations::remove);
		// The link is one write of each side: raised first, since showing the link (the
		// record's contact, the contact's relation summary) writes the rows without a
		// version, after which the values carried over would stay in the old one.
		contacts.raiseVersion(contact.text("no"));
		service.raiseVersion(record.text("no"));
		Actor carrier = Actor.current().carrying(relations.add(contact, code, type, record.text("no")));
		if (master == MasterFields.CONTACT) {
			service.apply(record.text("no"), shared.toRecord(type, contact.values()), carrier);
		}
		else {
			contacts.apply(contact.text("no"), shared.toContact(type, record.values()), carrier);
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
		fromRecords.codeFor(type);
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
		// Born showing its contact, so that its creation makes no second one.
		values.put("contactNo", contact.text("no"));
		Row record = service.insert(values);
		long linked = relations.add(contact, fromRecords.codeFor(type), type, record.text("no"));
		// What the template filled in shared fields (a country, a currency) goes back to
		// the contact, and from it to its other records, as any change of a linked record
		// would.
		contacts.apply(contact.text("no"), shared.toContact(type, record.values()), Actor.current().carrying(linked));
		if (type.hasPrimaryContact()) {
			service.apply(record.text("no"), Map.of("primaryContactNo", chosen.text("no")), Actor.current());
		}
		return service.get(record.text("no"));
	}

	/**
	 * (docs/rules.md, "Create contacts from records") a record created with the sync
	 * switched on for its type gets a contact of its own, in the same transaction, from
	 * its shared fields.
	 */
	@EventListener
	void on(CustomerCreated created) {
		onRecordCreated(LinkedRecordType.CUSTOMER, created.change());
	}

	@EventListener
	void on(VendorCreated created) {
		onRecordCreated(LinkedRecordType.VENDOR, created.change());
	}

	@EventListener
	void on(BankAccountCreated created) {
		onRecordCreated(LinkedRecordType.BANK_ACCOUNT, created.change());
	}

	/** Records created together (an import's page) get their contacts together. */
	@EventListener
	void on(LinkedRecordsCreated created) {
		List<Row> unlinked = created.records().stream().filter(Linking::withoutContact).toList();
		if (!unlinked.isEmpty()) {
			setup.businessRelationCodeFor(created.type())
				.ifPresent(code -> fromRecords.createContactsFor(created.type(), unlinked, code, false));
		}
	}

	private void onRecordCreated(LinkedRecordType type, RecordChange change) {
		if (withoutContact(change.written())) {
			setup.businessRelationCodeFor(type)
				.ifPresent(code -> fromRecords.createContactFor(type, change.written(), code, false));
		}
	}

	/**
	 * A new record shows no contact, unless made from a contact and so showing it
	 * already.
	 */
	private static boolean withoutContact(Row record) {
		return record.get("contactNo") == null;
	}

	/**
	 * (docs/rules.md, "Business relation summary") a person's summary counts its
	 * company's relations from the moment it joins the company. A person made for a
	 * company is created showing the company's summary (it has no relation of its own
	 * yet); one moved to another company has its summary worked out again here.
	 */
	@EventListener
	void on(ContactChanged changed) {
		RecordChange change = changed.change();
		if (change.values().get("companyNo") != null) {
			relations.refreshSummary(change.written());
		}
	}

	/**
	 * A record that has no contact gets one, as a batch job makes it (docs/rules.md,
	 * "Create contacts from records").
	 * @return the new contact's number; empty when the record had one already
	 */
	public Optional<String> createContactIfMissing(LinkedRecordType type, String recordNo) {
		return fromRecords.createContactIfMissing(type, recordNo);
	}

	/**
	 * {@link #createContactIfMissing} for many records at once, as a batch job's page.
	 */
	public List<String> createContactsIfMissing(LinkedRecordType type, List<String> recordNos) {
		return fromRecords.createContactsIfMissing(type, recordNos);
	}

	/**
	 * Checks that contacts can be created for a record type: its business relation code
	 * is set.
	 */
	public void requireSyncFor(LinkedRecordType type) {
		fromRecords.codeFor(type);
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
				service.apply(no, cleared, Actor.current());
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
			throw new CompanyContactRequired("contactNo",
					Message.of("invalid.personWithoutCompany", LinkedRecords.title(type)));
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
				throw new Problems.ValidationFailed(field, "invalid.templateContactType", template.text("code"),
						Problems.kindName(String.valueOf(template.text("contactType"))),
						Problems.kindName(contactType));
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
