package io.contactsync.setup;

import java.util.List;

import io.contactsync.platform.table.Field;

/**
 * The checks of contact details (docs/rules.md, "Checked data"), each with the marketing
 * setup field that says what a value failing it does, and the fields it looks at.
 */
public enum DataCheck {

	PHONE("phoneNoCheck", ContactDetails.PHONE_FIELDS), EMAIL("emailCheck", List.of("email")),
	VAT_REGISTRATION_NO("vatRegistrationNoCheck", List.of("vatRegistrationNo")),
	IBAN("ibanCheck", List.of("iban", "swiftCode"));

	/** A value failing the check is refused with 422: the default. */
	public static final String REFUSE = "REFUSE";

	/** A value failing the check is saved, and the record's answers warn of it. */
	public static final String WARN = "WARN";

	private final String setting;

	private final List<String> fields;

	DataCheck(String setting, List<String> fields) {
		this.setting = setting;
		this.fields = fields;
	}

	/** The marketing setup field that holds REFUSE or WARN for this check. */
	public String settingName() {
		return setting;
	}

	/** The record fields this check looks at. */
	public List<String> fields() {
		return fields;
	}

	Field setting() {
		return Field.oneOf(setting, List.of(REFUSE, WARN)).defaultsTo(REFUSE);
	}

}
