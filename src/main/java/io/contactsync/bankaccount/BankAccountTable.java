package io.contactsync.bankaccount;

import java.util.ArrayList;
import java.util.List;

import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.ContactDetails;

/** The bank account record: its fields, lengths and formats. */
final class BankAccountTable {

	static final Table TABLE;

	static {
		List<Field> fields = new ArrayList<>();
		fields.add(ContactDetails.name().required());
		fields.addAll(ContactDetails.common());
		fields.add(ContactDetails.salesperson("ourContactCode"));
		fields.add(Field.text("bankAccountNo", 30));
		fields.add(Field.code("iban", 50).defaultsTo(""));
		fields.add(Field.code("swiftCode", 20).defaultsTo(""));
		fields.add(Field.text("bankBranchNo", 20));
		fields.add(Field.code("bankAccPostingGroup", 20));
		fields.add(Field.code("contactNo", 20).readOnly());
		fields.add(Field.lastModified("lastModifiedAt"));
		TABLE = Table.record("BANK_ACCOUNT", "bank-accounts", "bank_account", "Bank account", Field.code("no", 20),
				fields,
				RecordEvent.Factory.byKind(BankAccountCreated::new, BankAccountChanged::new, BankAccountDeleted::new));
	}

	private BankAccountTable() {
	}

}
