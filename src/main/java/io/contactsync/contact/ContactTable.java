package io.contactsync.contact;

import io.contactsync.setup.ContactType;
import java.util.ArrayList;
import java.util.List;

import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.ContactDetails;

/**
 * The contact record: its fields, lengths and formats (docs/rules.md, "Records and
 * contacts").
 */
final class ContactTable {

	static final List<String> TYPES = ContactType.names();

	static final List<String> BUSINESS_RELATIONS = List.of("NONE", "CUSTOMER", "VENDOR", "BANK_ACCOUNT", "MULTIPLE",
			"OTHER");

	/** What a person takes from its company, by marketing setup switch. */
	static final List<String> ADDRESS_FIELDS = List.of("address", "address2", "postCode", "city", "county");

	static final List<String> COMMUNICATION_FIELDS = List.of("phoneNo", "mobilePhoneNo", "faxNo", "email", "homePage");

	static final Table TABLE;

	static {
		List<Field> fields = new ArrayList<>();
		fields.add(Field.oneOf("type", TYPES).defaultsTo(ContactType.COMPANY.name()));
		fields.add(ContactDetails.name());
		fields.add(Field.text("firstName", 30));
		fields.add(Field.text("middleName", 30));
		fields.add(Field.text("surname", 30));
		fields.add(Field.text("jobTitle", 30));
		fields.add(Field.code("companyNo", 20));
		fields.add(Field.text("companyName", 100).readOnly());
		fields.addAll(ContactDetails.common());
		fields.add(ContactDetails.salesperson("salespersonCode"));
		fields.addAll(ContactDetails.registration());
		fields.add(Field.oneOf("contactBusinessRelation", BUSINESS_RELATIONS).defaultsTo("NONE").readOnly());
		fields.add(Field.lastModified("lastModifiedAt"));
		TABLE = Table.record(Contacts.RECORD_TYPE, "contacts", "contact", "Contact", Field.code("no", 20), fields,
				RecordEvent.Factory.byKind(ContactCreated::new, ContactChanged::new, ContactDeleted::new));
	}

	private ContactTable() {
	}

}
