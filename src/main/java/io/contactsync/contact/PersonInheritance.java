package io.contactsync.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;

/**
 * What a person takes from its company (docs/rules.md, "Person inheritance"), as the
 * switches of marketing setup say: when it is attached, and when the company changes.
 */
final class PersonInheritance {

	private PersonInheritance() {
	}

	/**
	 * Attaching a person to a company (docs/rules.md, "Person inheritance"): salesperson,
	 * territory, country/region and language are copied; the address only if the person's
	 * is blank or the old company's; each communication field only if blank or the old
	 * company's value.
	 */
	static void attach(Row marketing, Map<String, @Nullable Object> person, @Nullable Row oldCompany, Row company,
			boolean creating) {
		for (String[] code : new String[][] { { "inheritSalespersonCode", "salespersonCode" },
				{ "inheritTerritoryCode", "territoryCode" }, { "inheritCountryRegionCode", "countryRegionCode" },
				{ "inheritLanguageCode", "languageCode" } }) {
			if (marketing.flag(code[0]) && (!creating || person.get(code[1]) == null)) {
				person.put(code[1], company.get(code[1]));
			}
		}
		if (marketing.flag("inheritAddressDetails")) {
			boolean blank = ContactTable.ADDRESS_FIELDS.stream().allMatch(f -> isBlank(person.get(f)));
			boolean oldCompanys = oldCompany != null && ContactTable.ADDRESS_FIELDS.stream()
				.allMatch(f -> Objects.equals(person.get(f), oldCompany.get(f)));
			if (blank || oldCompanys) {
				ContactTable.ADDRESS_FIELDS.forEach(f -> person.put(f, company.get(f)));
			}
		}
		if (marketing.flag("inheritCommunicationDetails")) {
			for (String field : ContactTable.COMMUNICATION_FIELDS) {
				if (isBlank(person.get(field))
						|| (oldCompany != null && Objects.equals(person.get(field), oldCompany.get(field)))) {
					person.put(field, company.get(field));
				}
			}
		}
	}

	/** The fields a company's people follow, as marketing setup switches them on. */
	static List<String> fields(Row marketing) {
		List<String> fields = new ArrayList<>();
		if (marketing.flag("inheritSalespersonCode")) {
			fields.add("salespersonCode");
		}
		if (marketing.flag("inheritTerritoryCode")) {
			fields.add("territoryCode");
		}
		if (marketing.flag("inheritCountryRegionCode")) {
			fields.add("countryRegionCode");
		}
		if (marketing.flag("inheritLanguageCode")) {
			fields.add("languageCode");
		}
		if (marketing.flag("inheritAddressDetails")) {
			fields.addAll(ContactTable.ADDRESS_FIELDS);
		}
		if (marketing.flag("inheritCommunicationDetails")) {
			fields.addAll(ContactTable.COMMUNICATION_FIELDS);
		}
		return fields;
	}

	private static boolean isBlank(@Nullable Object value) {
		return value == null || value.toString().isBlank();
	}

}
