package io.contactsync.exchange;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import ezvcard.VCard;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Kind;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A contact as a vCard 4.0 (RFC 6350), from the contact's API form:
 * <ul>
 * <li>{@code UID}: {@code urn:contactsync:contact:<no>}, the contact number, so a card
 * imported again finds its contact;</li>
 * <li>{@code KIND}: {@code org} for a company, {@code individual} for a person;</li>
 * <li>{@code FN} the name; for a person also {@code N} (surname, first name, middle name)
 * and {@code TITLE} (job title);</li>
 * <li>{@code ORG}: a person's company, a company's own name;</li>
 * <li>{@code ADR;TYPE=work}: address and address 2 as the street's two lines, city,
 * county as region, post code, and the country/region code as country;</li>
 * <li>{@code TEL}: phone ({@code work,voice}), mobile ({@code cell}), fax ({@code fax}),
 * as text;</li>
 * <li>{@code EMAIL;TYPE=work}: one for each address in the e-mail field;</li>
 * <li>{@code URL} the home page, {@code REV} when the contact last changed.</li>
 * </ul>
 */
final class ContactCards {

	/** The start of every contact's {@code UID}; the contact number follows. */
	static final String UID_PREFIX = "urn:contactsync:contact:";

	static final String PRODUCT_ID = "-//ContactSync//ContactSync//EN";

	private ContactCards() {
	}

	static VCard card(JsonNode contact) {
		VCard card = new VCard();
		card.setProductId(PRODUCT_ID);
		String no = text(contact, "no");
		card.setUid(new Uid(UID_PREFIX + no));
		boolean person = "PERSON".equals(text(contact, "type"));
		card.setKind(person ? Kind.individual() : Kind.org());
		String name = text(contact, "name");
		card.setFormattedName(name.isBlank() ? no : name);
		if (person) {
			StructuredName parts = new StructuredName();
			parts.setFamily(blankAsNull(text(contact, "surname")));
			parts.setGiven(blankAsNull(text(contact, "firstName")));
			String middle = text(contact, "middleName");
			if (!middle.isBlank()) {
				parts.getAdditionalNames().add(middle);
			}
			card.setStructuredName(parts);
			if (!text(contact, "jobTitle").isBlank()) {
				card.addTitle(text(contact, "jobTitle"));
			}
			if (!text(contact, "companyName").isBlank()) {
				card.setOrganization(text(contact, "companyName"));
			}
		}
		else if (!name.isBlank()) {
			card.setOrganization(name);
		}
		address(contact).ifPresent(card::addAddress);
		phone(card, text(contact, "phoneNo"), TelephoneType.WORK, TelephoneType.VOICE);
		phone(card, text(contact, "mobilePhoneNo"), TelephoneType.CELL);
		phone(card, text(contact, "faxNo"), TelephoneType.FAX);
		Arrays.stream(text(contact, "email").split(";"))
			.map(String::strip)
			.filter(email -> !email.isEmpty())
			.forEach(email -> card.addEmail(email, EmailType.WORK));
		if (!text(contact, "homePage").isBlank()) {
			card.addUrl(text(contact, "homePage"));
		}
		revision(text(contact, "lastModifiedAt")).ifPresent(card::setRevision);
		return card;
	}

	private static Optional<Address> address(JsonNode contact) {
		List<String> street = Stream.of(text(contact, "address"), text(contact, "address2"))
			.filter(line -> !line.isBlank())
			.toList();
		String city = text(contact, "city");
		String postCode = text(contact, "postCode");
		String county = text(contact, "county");
		String country = text(contact, "countryRegionCode");
		if (street.isEmpty() && city.isBlank() && postCode.isBlank() && county.isBlank() && country.isBlank()) {
			return Optional.empty();
		}
		Address address = new Address();
		address.getStreetAddresses().addAll(street);
		address.setLocality(blankAsNull(city));
		address.setPostalCode(blankAsNull(postCode));
		address.setRegion(blankAsNull(county));
		address.setCountry(blankAsNull(country));
		address.getTypes().add(AddressType.WORK);
		return Optional.of(address);
	}

	private static void phone(VCard card, String number, TelephoneType... types) {
		if (number.isBlank()) {
			return;
		}
		Telephone phone = new Telephone(number);
		phone.getTypes().addAll(List.of(types));
		card.addTelephoneNumber(phone);
	}

	private static Optional<Instant> revision(String instant) {
		try {
			return instant.isBlank() ? Optional.empty() : Optional.of(Instant.parse(instant));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static String text(JsonNode contact, String field) {
		JsonNode value = contact.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}

	private static @Nullable String blankAsNull(String value) {
		return value.isBlank() ? null : value;
	}

}
