package io.contactsync.exchange.imports;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The column mapping guessed from a header, in Norwegian, in English and as exported. */
class ImportFieldsTest {

	private static final List<String> CONTACT_FIELDS = List.of("no", "type", "name", "name2", "companyNo", "address",
			"postCode", "city", "phoneNo", "mobilePhoneNo", "email", "vatRegistrationNo", "firstName", "surname",
			ImportFields.EXTERNAL_ID, ImportFields.COMPANY);

	@Test
	void norwegianHeadersAsSpreadsheetsHaveThem() {
		Map<Integer, String> mapping = ImportFields.guess(List.of("Nr.", "Navn", "Adresse", "Postnr.", "Poststed",
				"Org.nr.", "E-post", "Telefon", "Mobil", "Firma", "Merknad"), CONTACT_FIELDS);

		assertThat(mapping).containsEntry(0, "no")
			.containsEntry(1, "name")
			.containsEntry(2, "address")
			.containsEntry(3, "postCode")
			.containsEntry(4, "city")
			.containsEntry(5, "vatRegistrationNo")
			.containsEntry(6, "email")
			.containsEntry(7, "phoneNo")
			.containsEntry(8, "mobilePhoneNo")
			.containsEntry(9, ImportFields.COMPANY)
			.doesNotContainKey(10);
	}

	@Test
	void englishHeaders() {
		Map<Integer, String> mapping = ImportFields.guess(
				List.of("No.", "Name", "Post Code", "City", "E-mail", "Phone", "VAT No.", "First name", "Last name"),
				CONTACT_FIELDS);

		assertThat(mapping).containsExactlyInAnyOrderEntriesOf(Map.of(0, "no", 1, "name", 2, "postCode", 3, "city", 4,
				"email", 5, "phoneNo", 6, "vatRegistrationNo", 7, "firstName", 8, "surname"));
	}

	@Test
	void anExportsOwnColumnNamesWinAndEachFieldIsFilledOnce() {
		// companyNo is the field itself; "Company" would be the person's company too,
		// but the field is taken already by its own name only where it is that field.
		Map<Integer, String> mapping = ImportFields
			.guess(List.of("no", "name", "companyNo", "companyName", "phoneNoE164", "Navn", "phoneNo"), CONTACT_FIELDS);

		assertThat(mapping)
			.containsExactlyInAnyOrderEntriesOf(Map.of(0, "no", 1, "name", 2, "companyNo", 6, "phoneNo"));
	}

	@Test
	void aFieldTheKindDoesNotHaveIsNotGuessed() {
		assertThat(ImportFields.guess(List.of("Org.nr.", "Navn"), List.of("name")))
			.containsExactly(Map.entry(1, "name"));
	}

}
