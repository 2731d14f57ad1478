package io.contactsync.exchange.imports;

/**
 * What a row is matched to an existing record by (docs/import.md, "Matching"), and the
 * field that holds the key.
 */
enum MatchBy {

	NUMBER("no"), EXTERNAL_ID(ImportFields.EXTERNAL_ID), VAT_REGISTRATION_NO("vatRegistrationNo"), EMAIL("email");

	private final String field;

	MatchBy(String field) {
		this.field = field;
	}

	String field() {
		return field;
	}

}
