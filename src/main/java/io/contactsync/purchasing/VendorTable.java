package io.contactsync.purchasing;

import java.util.ArrayList;
import java.util.List;

import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.ContactDetails;

/** The vendor record: its fields, lengths and formats. */
final class VendorTable {

	static final Table TABLE;

	static {
		List<Field> fields = new ArrayList<>();
		fields.add(ContactDetails.name().required());
		fields.addAll(ContactDetails.common());
		fields.addAll(ContactDetails.registration());
		fields.add(ContactDetails.salesperson("purchaserCode"));
		fields.add(Field.code("primaryContactNo", 20));
		fields.add(Field.text("contact", 100));
		fields.add(Field.code("vendorPostingGroup", 20));
		fields.add(Field.code("genBusPostingGroup", 20));
		fields.add(Field.code("vatBusPostingGroup", 20));
		fields.add(Field.code("paymentTermsCode", 10));
		fields.add(Field.code("paymentMethodCode", 10));
		fields.add(Field.oneOf("blocked", List.of("NONE", "PAYMENT", "ALL")).defaultsTo("NONE"));
		fields.add(Field.bool("pricesIncludingVat", false));
		fields.add(Field.code("contactNo", 20).readOnly());
		// Where it went when merged with its contact (docs/merge.md): set by the merge
		// only.
		fields.add(Field.code("mergedInto", 20).readOnly());
		fields.add(Field.lastModified("lastModifiedAt"));
		TABLE = Table.record("VENDOR", "vendors", "vendor", "Vendor", Field.code("no", 20), fields,
				RecordEvent.Factory.byKind(VendorCreated::new, VendorChanged::new, VendorDeleted::new));
	}

	private VendorTable() {
	}

}
