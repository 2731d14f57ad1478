package io.contactsync.setup;

import java.util.List;

import io.contactsync.platform.Formats;
import io.contactsync.platform.table.Field;

/**
 * The details a contact shares with the customers, vendors and bank accounts linked to
 * it, with the lengths and formats of the domain rules, described once for all four.
 */
public final class ContactDetails {

	private ContactDetails() {
	}

	public static Field name() {
		return Field.text("name", 100);
	}

	/** Name, address, communication and code fields every linked record type has. */
	public static List<Field> common() {
		return List.of(Field.text("name2", 50), Field.text("address", 100), Field.text("address2", 50),
				Field.text("city", 30), Field.code("postCode", 20).defaultsTo(""), Field.text("county", 30),
				SetupTableDefinitions.countryRegionCode("countryRegionCode"), phone("phoneNo"), phone("mobilePhoneNo"),
				phone("faxNo"), normalised("phoneNo"), normalised("mobilePhoneNo"), normalised("faxNo"),
				Field.text("email", 80), Field.text("homePage", 255),
				SetupTableDefinitions.territoryCode("territoryCode"),
				SetupTableDefinitions.languageCode("languageCode"), SetupTableDefinitions.currencyCode("currencyCode"));
	}

	/** The VAT and registration numbers of contacts, customers and vendors. */
	public static List<Field> registration() {
		return List.of(Field.code("vatRegistrationNo", 20).defaultsTo(""), Field.text("registrationNumber", 50));
	}

	public static Field salesperson(String name) {
		return SetupTableDefinitions.salespersonCode(name);
	}

	/**
	 * The phone numbers' E.164 form ({@code phoneNoE164}), kept by the data checks beside
	 * the number as typed, for search and duplicate matching; empty when the number could
	 * not be read.
	 */
	public static String normalisedField(String phoneField) {
		return phoneField + "E164";
	}

	/** The fields holding phone numbers, whose E.164 form is kept beside them. */
	public static final List<String> PHONE_FIELDS = List.of("phoneNo", "mobilePhoneNo", "faxNo");

	private static Field normalised(String phoneField) {
		return Field.text(normalisedField(phoneField), 20).derived();
	}

	private static Field phone(String name) {
		return Field.text(name, 30).matching(Formats.PHONE, Formats.PHONE_HINT);
	}

}
