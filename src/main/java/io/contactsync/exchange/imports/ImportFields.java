package io.contactsync.exchange.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Table;
import org.jspecify.annotations.Nullable;

/**
 * The fields a column of an import can fill, and the mapping guessed from a file's header
 * (docs/import.md, "Columns"): a column headed by a field's API name (as the exports
 * write them), or by one of the names Norwegian and English spreadsheets use for it
 * ("Navn", "Postnr.", "Org.nr.", "E-post", "Telefon"; "Name", "Post Code", "E-mail",
 * "Phone"), fills that field. Headers are compared in lower case without spaces and
 * punctuation, so "Org.nr." is "orgnr" and "Post Code" is "postcode".
 */
final class ImportFields {

	/** Not a field of the record: the row's id in the import's other system. */
	static final String EXTERNAL_ID = "externalId";

	/**
	 * Not a field of the record: the company a person works for, by number, org.nr. or
	 * name.
	 */
	static final String COMPANY = "company";

	private static final Map<String, String> NAMES = new HashMap<>();

	static {
		names("no", "nr", "no", "nummer", "number", "kundenr", "kundenummer", "customerno", "leverandornr",
				"leverandørnr", "leverandørnummer", "vendorno", "kontaktnr", "contactno", "banknr", "bankkontonr");
		names("name", "navn", "name", "firmanavn", "kundenavn", "leverandørnavn", "fulltnavn", "fullname");
		names("name2", "navn2", "name2");
		names("address", "adresse", "address", "gateadresse", "postadresse", "street", "streetaddress");
		names("address2", "adresse2", "address2");
		names("postCode", "postnr", "postnummer", "postcode", "zip", "zipcode", "postalcode");
		names("city", "poststed", "sted", "city", "town", "by");
		names("county", "fylke", "county");
		names("countryRegionCode", "land", "landkode", "country", "countrycode", "countryregion");
		names("phoneNo", "telefon", "telefonnr", "telefonnummer", "tlf", "tlfnr", "phone", "phoneno", "telephone",
				"telephoneno");
		names("mobilePhoneNo", "mobil", "mobilnr", "mobiltelefon", "mobilnummer", "mobile", "mobilephone", "mobileno",
				"cellphone");
		names("faxNo", "faks", "faksnr", "fax", "faxno", "telefaks");
		names("email", "epost", "epostadresse", "email", "emailaddress", "mail");
		names("homePage", "hjemmeside", "nettside", "homepage", "website", "web", "url");
		names("vatRegistrationNo", "orgnr", "orgnummer", "organisasjonsnr", "organisasjonsnummer", "mvanr", "vatno",
				"vat", "vatnumber", "vatregno", "organisationno", "organizationno", "organizationnumber");
		names("registrationNumber", "registreringsnr", "registreringsnummer", "registrationno");
		names("firstName", "fornavn", "firstname", "givenname");
		names("middleName", "mellomnavn", "middlename");
		names("surname", "etternavn", "surname", "lastname", "familyname");
		names("jobTitle", "stilling", "tittel", "jobtitle", "title");
		names("salespersonCode", "selger", "selgerkode", "salesperson");
		names("territoryCode", "distrikt", "distriktskode", "territory");
		names("currencyCode", "valuta", "valutakode", "currency");
		names("languageCode", "språk", "språkkode", "language");
		names("creditLimitLcy", "kredittgrense", "creditlimit");
		names("type", "type", "kontakttype", "contacttype");
		names("contact", "kontaktperson", "kontakt", "contactperson", "contact");
		names("bankAccountNo", "kontonr", "kontonummer", "bankkontonummer", "accountno", "bankaccountno");
		names("iban", "iban");
		names("swiftCode", "swift", "bic", "swiftcode");
		names(EXTERNAL_ID, "eksterntid", "eksternid", "externalid", "extid");
		names(COMPANY, "firma", "bedrift", "selskap", "arbeidsgiver", "company", "employer", "organisation",
				"organization");
	}

	private ImportFields() {
	}

	private static void names(String field, String... names) {
		for (String name : names) {
			NAMES.putIfAbsent(normalised(name), field);
		}
	}

	/**
	 * The fields of a kind an import can fill, in the order of the record: those the API
	 * takes in a creation, then the external id, and for contacts the company.
	 */
	static List<String> of(Table table, ImportKind kind) {
		List<String> fields = new ArrayList<>();
		for (Field field : table.allFields()) {
			if (!field.isReadOnly() && !field.name().equals("templateCode")) {
				fields.add(field.name());
			}
		}
		fields.add(EXTERNAL_ID);
		if (kind == ImportKind.CONTACT) {
			fields.add(COMPANY);
		}
		return fields;
	}

	/**
	 * The field each column fills, guessed from its header: a field's own name first,
	 * then the names spreadsheets use; each field is filled by its first column only.
	 * @return by column index; a column that fits no field is left out
	 */
	static Map<Integer, String> guess(List<String> header, List<String> fields) {
		Map<String, String> own = new HashMap<>();
		fields.forEach(field -> own.put(normalised(field), field));
		Map<Integer, String> mapping = new LinkedHashMap<>();
		Set<String> taken = new HashSet<>();
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < header.size(); i++) {
				if (mapping.containsKey(i)) {
					continue;
				}
				String name = normalised(header.get(i));
				String field = pass == 0 ? own.get(name) : NAMES.get(name);
				if (field != null && fields.contains(field) && taken.add(field)) {
					mapping.put(i, field);
				}
			}
		}
		return mapping;
	}

	/** A header as compared: lower case, letters and digits only (æ, ø, å kept). */
	static String normalised(@Nullable String header) {
		if (header == null) {
			return "";
		}
		String lower = Normalizer.normalize(header.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		return lower.replaceAll("[^\\p{L}\\p{N}]", "");
	}

}
