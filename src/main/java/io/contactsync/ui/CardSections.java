package io.contactsync.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A card's fields in the sections the ERP lays its cards out in: General, Communication,
 * Segmentation and, on customers and vendors, Invoicing (bank details on a bank account),
 * so that a user who knows the ERP finds each field where it expects it. The phone
 * numbers' E.164 forms are kept by the application and left off.
 */
final class CardSections {

	/** One section: its id (for the page and the tests), its caption and its fields. */
	record Section(String id, String label, List<FormField> fields) {
	}

	private static final Set<String> COMMUNICATION = Set.of("phoneNo", "mobilePhoneNo", "faxNo", "email", "homePage",
			"languageCode");

	private static final Set<String> SEGMENTATION = Set.of("territoryCode", "salespersonCode", "purchaserCode",
			"ourContactCode", "currencyCode");

	private static final Set<String> INVOICING = Set.of("vatRegistrationNo", "registrationNumber",
			"customerPostingGroup", "vendorPostingGroup", "genBusPostingGroup", "vatBusPostingGroup",
			"paymentTermsCode", "paymentMethodCode", "pricesIncludingVat", "currencyCode", "creditLimitLcy");

	private static final Set<String> BANK = Set.of("bankAccountNo", "iban", "swiftCode", "bankBranchNo",
			"bankAccPostingGroup", "currencyCode");

	private CardSections() {
	}

	/**
	 * The fields of a card of that record type (CONTACT, CUSTOMER, VENDOR, BANK_ACCOUNT)
	 * by section, in the ERP's order; empty sections are left out.
	 */
	static List<Section> of(String recordType, List<FormField> fields, Forms forms, Locale locale) {
		Map<String, List<FormField>> bySection = new LinkedHashMap<>();
		for (String id : List.of("general", "communication", "segmentation", "invoicing", "bank")) {
			bySection.put(id, new ArrayList<>());
		}
		for (FormField field : fields) {
			if (field.name().endsWith("E164")) {
				continue;
			}
			List<FormField> section = bySection.get(sectionOf(recordType, field.name()));
			int city = indexOf(section, "city");
			if (field.name().equals("postCode") && city >= 0) {
				// an address reads post code, then city: 9008 Tromsø
				section.add(city, field);
			}
			else {
				section.add(field);
			}
		}
		List<Section> sections = new ArrayList<>();
		bySection.forEach((id, inSection) -> {
			if (!inSection.isEmpty()) {
				sections.add(new Section(id, forms.message("section." + id, locale), inSection));
			}
		});
		return sections;
	}

	private static int indexOf(List<FormField> fields, String name) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private static String sectionOf(String recordType, String field) {
		boolean billed = recordType.equals("CUSTOMER") || recordType.equals("VENDOR");
		if (recordType.equals("BANK_ACCOUNT") && BANK.contains(field)) {
			return "bank";
		}
		if (billed && INVOICING.contains(field)) {
			return "invoicing";
		}
		if (COMMUNICATION.contains(field)) {
			return "communication";
		}
		if (SEGMENTATION.contains(field)) {
			return "segmentation";
		}
		return "general";
	}

}
