package io.contactsync.setup;

import java.util.List;

import io.contactsync.platform.Formats;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Table;

/**
 * The setup tables this module keeps, described once: their fields, lengths and the code
 * lists each code refers to. The migrations hold the same rules as constraints.
 */
public final class SetupTableDefinitions {

	private SetupTableDefinitions() {
	}

	static final List<String> CONTACT_TYPES = ContactType.names();

	static Field salespersonCode(String name) {
		return Field.code(name, 20).references("salesperson", "code", "Salesperson");
	}

	static Field territoryCode(String name) {
		return Field.code(name, 10).references("territory", "code", "Territory");
	}

	static Field countryRegionCode(String name) {
		return Field.code(name, 10).references("country_region", "code", "Country/region");
	}

	static Field languageCode(String name) {
		return Field.code(name, 10).references("language", "code", "Language");
	}

	static Field currencyCode(String name) {
		return Field.code(name, 10).references("currency", "code", "Currency");
	}

	static Field businessRelationCode(String name) {
		return Field.code(name, 10).references("business_relation", "code", "Business relation");
	}

	static Field numberSeriesCode(String name) {
		return Field.code(name, 20).references("number_series", "code", "Number series");
	}

	public static final Table BUSINESS_RELATIONS = Table.of("business-relations", "business_relation",
			"Business relation", List.of(Field.code("code", 10).required()), Field.text("description", 100));

	public static final Table SALESPEOPLE = Table.of("salespeople", "salesperson", "Salesperson",
			List.of(Field.code("code", 20).required()), Field.text("name", 50),
			Field.text("email", 80).matching(Formats.EMAILS, Formats.EMAILS_HINT),
			Field.text("phoneNo", 30).matching(Formats.PHONE, Formats.PHONE_HINT));

	public static final Table TERRITORIES = codeList("territories", "territory", "Territory");

	public static final Table COUNTRIES_REGIONS = codeList("countries-regions", "country_region", "Country/region");

	public static final Table LANGUAGES = codeList("languages", "language", "Language");

	public static final Table CURRENCIES = codeList("currencies", "currency", "Currency");

	public static final Table POST_CODES = Table.of("post-codes", "post_code", "Post code",
			List.of(Field.code("code", 20).required(), Field.text("city", 30).required()),
			countryRegionCode("countryRegionCode"), Field.text("county", 30));

	public static final Table CUSTOMER_TEMPLATES = Table.of("customer-templates", "customer_template",
			"Customer template", List.of(Field.code("code", 10).required()), Field.text("description", 100),
			Field.oneOf("contactType", CONTACT_TYPES).required(), Field.code("customerPostingGroup", 20),
			Field.code("genBusPostingGroup", 20), Field.code("vatBusPostingGroup", 20),
			Field.code("paymentTermsCode", 10), Field.code("paymentMethodCode", 10),
			Field.bool("pricesIncludingVat", false), countryRegionCode("countryRegionCode"),
			territoryCode("territoryCode"), currencyCode("currencyCode"), languageCode("languageCode"),
			salespersonCode("salespersonCode"));

	public static final Table VENDOR_TEMPLATES = Table.of("vendor-templates", "vendor_template", "Vendor template",
			List.of(Field.code("code", 10).required()), Field.text("description", 100),
			Field.oneOf("contactType", CONTACT_TYPES).required(), Field.code("vendorPostingGroup", 20),
			Field.code("genBusPostingGroup", 20), Field.code("vatBusPostingGroup", 20),
			Field.code("paymentTermsCode", 10), Field.code("paymentMethodCode", 10),
			Field.bool("pricesIncludingVat", false), countryRegionCode("countryRegionCode"),
			territoryCode("territoryCode"), currencyCode("currencyCode"), languageCode("languageCode"),
			salespersonCode("purchaserCode"));

	public static final Table MARKETING_SETUP = Table.singleton("setup/marketing", "marketing_setup", "Marketing setup",
			businessRelationCode("businessRelationCodeForCustomers"),
			businessRelationCode("businessRelationCodeForVendors"),
			businessRelationCode("businessRelationCodeForBankAccounts"), numberSeriesCode("contactNos"),
			Field.bool("inheritSalespersonCode", true), Field.bool("inheritTerritoryCode", true),
			Field.bool("inheritCountryRegionCode", true), Field.bool("inheritLanguageCode", true),
			Field.bool("inheritAddressDetails", true), Field.bool("inheritCommunicationDetails", true),
			languageCode("defaultLanguageCode"), countryRegionCode("defaultCountryRegionCode"),
			salespersonCode("defaultSalespersonCode"), territoryCode("defaultTerritoryCode"),
			Field.bool("maintainDuplicateSearchStrings", true), Field.bool("autosearchForDuplicates", false),
			Field.integer("searchHitPercent", 1).atMost(100).defaultsTo(75L), DataCheck.PHONE.setting(),
			DataCheck.EMAIL.setting(), DataCheck.VAT_REGISTRATION_NO.setting(), DataCheck.IBAN.setting());

	public static final Table NUMBERING_SETUP = Table.singleton("setup/numbering", "numbering_setup", "Numbering setup",
			numberSeriesCode("customerNos"), numberSeriesCode("vendorNos"), numberSeriesCode("bankAccountNos"),
			numberSeriesCode("salesQuoteNos"), numberSeriesCode("salesOrderNos"),
			numberSeriesCode("salesBlanketOrderNos"), numberSeriesCode("purchaseQuoteNos"),
			numberSeriesCode("purchaseOrderNos"), numberSeriesCode("purchaseBlanketOrderNos"),
			numberSeriesCode("serviceOrderNos"));

	/**
	 * Who we are, as printed documents head their first page: name, address and org.nr.
	 * (the VAT registration number), with how to reach and pay us.
	 */
	public static final Table COMPANY_INFORMATION = Table.singleton("setup/company-information", "company_information",
			"Company information", Field.text("name", 100), Field.text("address", 100), Field.text("address2", 50),
			Field.text("postCode", 20), Field.text("city", 30), countryRegionCode("countryRegionCode"),
			Field.text("phoneNo", 30).matching(Formats.PHONE, Formats.PHONE_HINT),
			Field.text("email", 80).matching(Formats.EMAILS, Formats.EMAILS_HINT), Field.text("homePage", 255),
			Field.text("vatRegistrationNo", 20), Field.text("bankAccountNo", 30), Field.text("iban", 50));

	private static Table codeList(String resource, String table, String title) {
		return Table.of(resource, table, title, List.of(Field.code("code", 10).required()), Field.text("name", 50));
	}

}
