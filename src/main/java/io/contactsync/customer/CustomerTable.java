package io.contactsync.customer;

import io.contactsync.setup.ContactType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.ContactDetails;

/** The customer record: its fields, lengths and formats. */
final class CustomerTable {

	static final Table TABLE;

	static {
		List<Field> fields = new ArrayList<>();
		fields.add(Field.oneOf("contactType", ContactType.names()).defaultsTo(ContactType.COMPANY.name()));
		fields.add(ContactDetails.name().required());
		fields.addAll(ContactDetails.common());
		fields.addAll(ContactDetails.registration());
		fields.add(ContactDetails.salesperson("salespersonCode"));
		fields.add(Field.code("primaryContactNo", 20));
		fields.add(Field.text("contact", 100));
		fields.add(Field.code("customerPostingGroup", 20));
		fields.add(Field.code("genBusPostingGroup", 20));
		fields.add(Field.code("vatBusPostingGroup", 20));
		fields.add(Field.code("paymentTermsCode", 10));
		fields.add(Field.code("paymentMethodCode", 10));
		fields.add(Field.decimal("creditLimitLcy").defaultsTo(BigDecimal.ZERO));
		fields.add(Field.oneOf("blocked", List.of("NONE", "SHIP", "INVOICE", "ALL")).defaultsTo("NONE"));
		fields.add(Field.bool("pricesIncludingVat", false));
		fields.add(Field.code("contactNo", 20).readOnly());
		// Where it went when merged with its contact (docs/merge.md): set by the merge
		// only.
		fields.add(Field.code("mergedInto", 20).readOnly());
		fields.add(Field.lastModified("lastModifiedAt"));
		TABLE = Table.record("CUSTOMER", "customers", "customer", "Customer", Field.code("no", 20), fields,
				RecordEvent.Factory.byKind(CustomerCreated::new, CustomerChanged::new, CustomerDeleted::new));
	}

	private CustomerTable() {
	}

}
