package io.contactsync.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import ezvcard.VCard;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.TextProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a vCard says of a contact, as the contact's API fields: the reverse of
 * {@link ContactCards}. Only what the card holds is given; a property the card lacks
 * leaves the contact's field as it is. {@code ORG} is not matched to a company yet.
 * Public for the import, which reads a {@code .vcf} file as rows of these fields.
 */
public final class CardValues {

	private CardValues() {
	}

	/** The contact number a card's {@code UID} names, if it is one of ours. */
	public static Optional<String> contactNo(VCard card) {
		if (card.getUid() == null || card.getUid().getValue() == null) {
			return Optional.empty();
		}
		String uid = card.getUid().getValue().strip();
		if (!uid.startsWith(ContactCards.UID_PREFIX) || uid.length() == ContactCards.UID_PREFIX.length()) {
			return Optional.empty();
		}
		return Optional.of(uid.substring(ContactCards.UID_PREFIX.length()));
	}

	/**
	 * Whether the card is a person's: its {@code KIND}, or without one a structured name
	 * with a family or given name.
	 */
	public static boolean isPerson(VCard card) {
		if (card.getKind() != null) {
			return card.getKind().isIndividual();
		}
		StructuredName name = card.getStructuredName();
		return name != null && (name.getFamily() != null || name.getGiven() != null);
	}

	/** The contact fields the card gives, by API name. */
	public static Map<String, String> of(VCard card) {
		Map<String, String> values = new LinkedHashMap<>();
		if (card.getFormattedName() != null && card.getFormattedName().getValue() != null) {
			values.put("name", card.getFormattedName().getValue().strip());
		}
		if (isPerson(card)) {
			StructuredName name = card.getStructuredName();
			if (name != null) {
				put(values, "surname", name.getFamily());
				put(values, "firstName", name.getGiven());
				put(values, "middleName", String.join(" ", name.getAdditionalNames()));
			}
			card.getTitles()
				.stream()
				.findFirst()
				.map(TextProperty::getValue)
				.ifPresent(title -> put(values, "jobTitle", title));
		}
		address(card).ifPresent(address -> {
			List<String> street = address.getStreetAddresses();
			if (!street.isEmpty()) {
				values.put("address", street.get(0).strip());
				put(values, "address2", street.stream().skip(1).map(String::strip).collect(Collectors.joining(", ")));
			}
			put(values, "city", address.getLocality());
			put(values, "county", address.getRegion());
			put(values, "postCode", address.getPostalCode());
			put(values, "countryRegionCode", address.getCountry());
		});
		List<Telephone> phones = new ArrayList<>(card.getTelephoneNumbers());
		take(phones, TelephoneType.CELL).ifPresent(phone -> put(values, "mobilePhoneNo", phone));
		take(phones, TelephoneType.FAX).ifPresent(phone -> put(values, "faxNo", phone));
		phones.stream()
			.map(CardValues::number)
			.filter(number -> !number.isBlank())
			.findFirst()
			.ifPresent(phone -> values.put("phoneNo", phone));
		List<String> emails = card.getEmails()
			.stream()
			.map(Email::getValue)
			.filter(e -> e != null && !e.isBlank())
			.map(String::strip)
			.toList();
		if (!emails.isEmpty()) {
			values.put("email", String.join("; ", emails));
		}
		card.getUrls().stream().findFirst().map(url -> url.getValue()).ifPresent(url -> put(values, "homePage", url));
		return values;
	}

	/** The work address, or else the first. */
	private static Optional<Address> address(VCard card) {
		return card.getAddresses()
			.stream()
			.filter(address -> address.getTypes().contains(ezvcard.parameter.AddressType.WORK))
			.findFirst()
			.or(() -> card.getAddresses().stream().findFirst());
	}

	/** Takes the first number of a type out of the list. */
	private static Optional<String> take(List<Telephone> phones, TelephoneType type) {
		for (Telephone phone : phones) {
			if (phone.getTypes().contains(type)) {
				phones.remove(phone);
				return Optional.of(number(phone));
			}
		}
		return Optional.empty();
	}

	private static String number(Telephone phone) {
		if (phone.getText() != null) {
			return phone.getText().strip();
		}
		return phone.getUri() == null ? "" : phone.getUri().getNumber();
	}

	private static void put(Map<String, String> values, String field, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			values.put(field, value.strip());
		}
	}

}
