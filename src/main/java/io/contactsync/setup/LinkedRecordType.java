package io.contactsync.setup;

import java.util.List;
import java.util.stream.Stream;

/**
 * The kinds of record a contact can be linked with, and the contact fields each may
 * share.
 */
public enum LinkedRecordType {

	CUSTOMER(List.of("vatRegistrationNo", "registrationNumber", "salespersonCode")),
	VENDOR(List.of("vatRegistrationNo", "registrationNumber")), BANK_ACCOUNT(List.of());

	/**
	 * The contact fields every linked record type shares (docs/rules.md,
	 * "Synchronisation").
	 */
	static final List<String> COMMON_FIELDS = List.of("name", "name2", "address", "address2", "city", "postCode",
			"county", "countryRegionCode", "phoneNo", "mobilePhoneNo", "faxNo", "email", "homePage", "territoryCode",
			"currencyCode", "languageCode");

	private final List<String> ownFields;

	LinkedRecordType(List<String> ownFields) {
		this.ownFields = ownFields;
	}

	/**
	 * Whether a customer or vendor, which have a primary contact; a bank account has
	 * none.
	 */
	public boolean hasPrimaryContact() {
		return this != BANK_ACCOUNT;
	}

	/**
	 * Every contact field this record type can share, in the order of the domain rules.
	 */
	public List<String> shareableFields() {
		return Stream.concat(COMMON_FIELDS.stream(), ownFields.stream()).toList();
	}

}
