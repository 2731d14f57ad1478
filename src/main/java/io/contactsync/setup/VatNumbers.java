package io.contactsync.setup;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Norwegian organisation numbers and the VAT numbers of other countries (docs/rules.md,
 * "Checked data").
 *
 * No library on Maven Central checks Norwegian organisation numbers (commons-validator
 * and iban4j have no MOD11 of this kind), and the check is the few lines the Brønnøysund
 * Register Centre publishes: weights 3 2 7 6 5 4 3 2 on the first eight digits, the ninth
 * is 11 minus the sum modulo 11 (0 for 11; 10 is no number). The other countries' VAT
 * numbers are checked against the forms their tax authorities publish (for the EU in the
 * Commission's VIES pages); a country not listed is not checked.
 */
final class VatNumbers {

	/**
	 * The published form of each country's VAT number after its prefix, with an example.
	 */
	private static final Map<String, Form> FORMS = Map.ofEntries(form("AT", "U\\d{8}", "ATU12345678"),
			form("BE", "[01]\\d{9}", "BE0123456789"), form("BG", "\\d{9,10}", "BG123456789"),
			form("CH", "E\\d{9}(MWST|TVA|IVA)?", "CHE123456789MWST"), form("CY", "\\d{8}[A-Z]", "CY12345678X"),
			form("CZ", "\\d{8,10}", "CZ12345678"), form("DE", "\\d{9}", "DE123456789"),
			form("DK", "\\d{8}", "DK12345678"), form("EE", "\\d{9}", "EE123456789"),
			form("EL", "\\d{9}", "EL123456789"), form("ES", "[A-Z0-9]\\d{7}[A-Z0-9]", "ESX1234567X"),
			form("FI", "\\d{8}", "FI12345678"), form("FR", "[A-HJ-NP-Z0-9]{2}\\d{9}", "FR12345678901"),
			form("GB", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}", "GB123456789"), form("HR", "\\d{11}", "HR12345678901"),
			form("HU", "\\d{8}", "HU12345678"), form("IE", "\\d[A-Z0-9+*]\\d{5}[A-W][A-I]?", "IE1234567WA"),
			form("IT", "\\d{11}", "IT12345678901"), form("LT", "\\d{9}|\\d{12}", "LT123456789"),
			form("LU", "\\d{8}", "LU12345678"), form("LV", "\\d{11}", "LV12345678901"),
			form("MT", "\\d{8}", "MT12345678"), form("NL", "\\d{9}B\\d{2}", "NL123456789B01"),
			form("PL", "\\d{10}", "PL1234567890"), form("PT", "\\d{9}", "PT123456789"),
			form("RO", "\\d{2,10}", "RO1234567890"), form("SE", "\\d{10}01", "SE123456789001"),
			form("SI", "\\d{8}", "SI12345678"), form("SK", "\\d{10}", "SK1234567890"),
			form("XI", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}", "XI123456789"));

	private static final Pattern NORWEGIAN = Pattern.compile("(?:NO)?(\\d{9})(MVA)?");

	private static final int[] WEIGHTS = { 3, 2, 7, 6, 5, 4, 3, 2 };

	private VatNumbers() {
	}

	/** A published form: the part after the country prefix, and a number of that form. */
	record Form(Pattern rest, String example) {
	}

	private static Map.Entry<String, Form> form(String country, String rest, String example) {
		return Map.entry(country, new Form(Pattern.compile(rest), example));
	}

	/** What is wrong with a VAT or organisation number, if anything. */
	enum Failure {

		/** Not 9 digits with the MOD11 check digit of a Norwegian organisation number. */
		ORGANISATION_NUMBER,
		/** A Norwegian number in neither of its forms: 923609016 or NO923609016MVA. */
		NORWEGIAN_FORM,
		/** Not the published form of its country's VAT numbers. */
		COUNTRY_FORM

	}

	/**
	 * The number without spaces, dots and hyphens, as written on invoices
	 * ({@code NO 923 609 016 MVA}, {@code CHE-123.456.789 MWST}).
	 */
	static String compact(String value) {
		return value.replaceAll("[\\s.\\-]", "").toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * The country whose form a number is checked against: its own prefix, else the
	 * record's country, else Norway.
	 */
	static String countryOf(String compact, @Nullable String recordCountry) {
		if (compact.length() >= 2 && Character.isLetter(compact.charAt(0)) && Character.isLetter(compact.charAt(1))) {
			String prefix = compact.substring(0, 2);
			return prefix.equals("GR") ? "EL" : prefix;
		}
		return recordCountry == null || recordCountry.isBlank() ? "NO" : recordCountry;
	}

	/**
	 * Checks a number; null when it passes or is of a country whose form is not known.
	 * @param recordCountry the record's country/region code, for a number without prefix
	 */
	static @Nullable Failure check(String value, @Nullable String recordCountry) {
		String compact = compact(value);
		String country = countryOf(compact, recordCountry);
		if (country.equals("NO")) {
			var matcher = NORWEGIAN.matcher(compact);
			if (!matcher.matches() || (compact.startsWith("NO") != (matcher.group(2) != null))) {
				return Failure.NORWEGIAN_FORM;
			}
			return isOrganisationNumber(matcher.group(1)) ? null : Failure.ORGANISATION_NUMBER;
		}
		Form form = FORMS.get(country);
		if (form == null) {
			return null;
		}
		String rest = compact.startsWith(country) || (country.equals("EL") && compact.startsWith("GR"))
				? compact.substring(2) : compact;
		return form.rest().matcher(rest).matches() ? null : Failure.COUNTRY_FORM;
	}

	/** A number of the country's published form, for the message. */
	static String example(String country) {
		return Optional.ofNullable(FORMS.get(country)).map(Form::example).orElse("NO923609016MVA");
	}

	/** Whether nine digits are an organisation number by its MOD11 check digit. */
	static boolean isOrganisationNumber(String digits) {
		if (digits.length() != 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (digits.charAt(i) - '0') * WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		if (check == 10) {
			return false;
		}
		return (check == 11 ? 0 : check) == digits.charAt(8) - '0';
	}

	/**
	 * The number that identifies a company whichever form it was written in, for
	 * duplicate search: a Norwegian number's nine digits ({@code NO923609016MVA} and
	 * {@code 923 609 016} alike), another country's number with its prefix.
	 */
	static String key(String value, @Nullable String recordCountry) {
		String compact = compact(value);
		if (compact.isEmpty()) {
			return "";
		}
		String country = countryOf(compact, recordCountry);
		if (country.equals("NO")) {
			var matcher = NORWEGIAN.matcher(compact);
			return matcher.matches() ? matcher.group(1) : compact;
		}
		return compact.startsWith(country) ? compact : country + compact;
	}

}
