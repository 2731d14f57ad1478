package io.contactsync.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.contactsync.platform.TransactionScoped;
import org.apache.commons.validator.routines.EmailValidator;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.jspecify.annotations.Nullable;

/**
 * The checks of single values, each by a library made for it (docs/rules.md, "Checked
 * data"): phone numbers by libphonenumber, IBAN and BIC by iban4j, e-mail addresses by
 * commons-validator; organisation and VAT numbers by {@link VatNumbers}. Each answers
 * null for a value that passes, and for an empty one.
 */
final class ValueChecks {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final EmailValidator EMAILS = EmailValidator.getInstance();

	/** Where a number without its country code is read when the record has no country. */
	static final String HOME_REGION = "NO";

	private ValueChecks() {
	}

	/**
	 * The region a number without country code is read in: the record's country/region
	 * code where libphonenumber knows it as a region, else Norway.
	 */
	static String region(@Nullable Object countryRegionCode) {
		String code = countryRegionCode == null ? "" : countryRegionCode.toString().toUpperCase(Locale.ROOT);
		return PHONES.getSupportedRegions().contains(code) ? code : HOME_REGION;
	}

	/**
	 * A phone number in E.164 ({@code +4722334455}); empty when it is empty, cannot be
	 * read, or has not the length of a number of its country.
	 */
	static String e164(String value, String region) {
		PhoneNumber number = parsed(value, region);
		return number == null || !PHONES.isPossibleNumber(number) ? ""
				: PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
	}

	/**
	 * A phone number must be readable and have the length of a number of its country.
	 * Whether the number is in a range already handed out is not asked: libphonenumber's
	 * ranges lag behind the operators', and a new range would be refused.
	 */
	static @Nullable Finding phone(String field, String value, String region) {
		if (value.isBlank()) {
			return null;
		}
		PhoneNumber number = parsed(value, region);
		if (number == null) {
			return new Finding(field, DataCheck.PHONE, "check.phone.unreadable", List.of(value, region));
		}
		if (!PHONES.isPossibleNumber(number)) {
			String country = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
			return new Finding(field, DataCheck.PHONE, "check.phone.length", List.of(value, country));
		}
		return null;
	}

	/**
	 * The number as libphonenumber reads it, read once per transaction: a synced change
	 * of a phone reads the same number for the contact's check, its E.164 form and the
	 * E.164 form of each record the sync carries it to, up to six times. Nobody changes
	 * what it answers; the parsed number is only read.
	 */
	private static @Nullable PhoneNumber parsed(String value, String region) {
		if (value.isBlank()) {
			return null;
		}
		return TransactionScoped.get(new Reading(value, region), () -> {
			try {
				return Optional.of(PHONES.parse(value, region));
			}
			catch (NumberParseException unreadable) {
				return Optional.<PhoneNumber>empty();
			}
		}).orElse(null);
	}

	/** A phone number as read in a region: what {@link #parsed} keeps per transaction. */
	private record Reading(String value, String region) {
	}

	/**
	 * Each address of the field (several separated by ';') must be one, without spaces.
	 * @return one finding per bad address
	 */
	static List<Finding> emails(String field, String value) {
		List<Finding> findings = new ArrayList<>();
		for (String address : value.split(";")) {
			String trimmed = address.strip();
			if (!trimmed.isEmpty() && !EMAILS.isValid(trimmed)) {
				findings.add(new Finding(field, DataCheck.EMAIL, "check.email", List.of(trimmed)));
			}
		}
		return findings;
	}

	/**
	 * An IBAN, written with or without spaces, must have its country's length and
	 * structure and fit mod 97.
	 */
	static @Nullable Finding iban(String field, String value) {
		String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
		if (compact.isEmpty()) {
			return null;
		}
		try {
			IbanUtil.validate(compact);
			return null;
		}
		catch (InvalidCheckDigitException wrongDigits) {
			return new Finding(field, DataCheck.IBAN, "check.iban.checkDigits", List.of(value));
		}
		catch (UnsupportedCountryException unknownCountry) {
			return new Finding(field, DataCheck.IBAN, "check.iban.country", List.of(value));
		}
		catch (IbanFormatException wrongForm) {
			return new Finding(field, DataCheck.IBAN, "check.iban.form", List.of(value));
		}
	}

	/**
	 * A BIC (SWIFT code) of 8 or 11 characters, with a country code where ISO 3166 has
	 * one.
	 */
	static @Nullable Finding bic(String field, String value) {
		String compact = value.replace(" ", "").toUpperCase(Locale.ROOT);
		if (compact.isEmpty()) {
			return null;
		}
		try {
			BicUtil.validate(compact);
			return null;
		}
		catch (BicFormatException | UnsupportedCountryException wrong) {
			return new Finding(field, DataCheck.IBAN, "check.bic", List.of(value));
		}
	}

	/** A Norwegian organisation number or VAT number, or another country's VAT number. */
	static @Nullable Finding vatRegistrationNo(String field, String value, @Nullable Object countryRegionCode) {
		if (value.isBlank()) {
			return null;
		}
		String recordCountry = countryRegionCode == null ? null : countryRegionCode.toString();
		VatNumbers.Failure failure = VatNumbers.check(value, recordCountry);
		if (failure == null) {
			return null;
		}
		return switch (failure) {
			case ORGANISATION_NUMBER ->
				new Finding(field, DataCheck.VAT_REGISTRATION_NO, "check.vat.organisationNumber", List.of(value));
			case NORWEGIAN_FORM ->
				new Finding(field, DataCheck.VAT_REGISTRATION_NO, "check.vat.norwegianForm", List.of(value));
			case COUNTRY_FORM -> {
				String country = VatNumbers.countryOf(VatNumbers.compact(value), recordCountry);
				yield new Finding(field, DataCheck.VAT_REGISTRATION_NO, "check.vat.countryForm",
						List.of(value, country, VatNumbers.example(country)));
			}
		};
	}

	/** The organisation number that identifies a company, for duplicate search. */
	static String organisationNumber(String vatRegistrationNo, @Nullable Object countryRegionCode) {
		return VatNumbers.key(vatRegistrationNo, countryRegionCode == null ? null : countryRegionCode.toString());
	}

}
