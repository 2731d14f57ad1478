package io.contactsync.demo;

import java.util.List;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest extends DemoCompanyApiTest {

	@Autowired
	DemoData demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void setsUpTheDemoCompanyAsARealOneWouldBe() {
		Map<String, Object> marketing = Map.of("businessRelationCodeForCustomers", "KUNDE",
				"businessRelationCodeForVendors", "LEV", "businessRelationCodeForBankAccounts", "BANK", "contactNos",
				"KONTAKT");
		var setup = admin().get("/api/v1/setup/marketing").json();
		marketing.forEach((field, value) -> assertThat(setup.get(field).asString()).isEqualTo(value));
		assertThat(admin().get("/api/v1/setup/numbering").json().get("customerNos").asString()).isEqualTo("KUNDE");
		assertThat(admin().get("/api/v1/number-series/KONTAKT").json().get("startingNo").asString())
			.isEqualTo("KT000001");
		assertThat(admin().get("/api/v1/post-codes?limit=100").json().get("items").size()).isGreaterThanOrEqualTo(12);
		assertThat(admin().get("/api/v1/customer-templates/BEDRIFT").json().get("contactType").asString())
			.isEqualTo("COMPANY");
		assertThat(admin().get("/api/v1/setup/interaction-templates").json().get("SALES_QUOTE").asString())
			.isEqualTo("TILBUD");
	}

	@Test
	void hasSomeTwentyContactsLinkedAsARealCompanysWouldBe() {
		// Counted among the demo's own records: other tests of this context make
		// contacts, customers and documents of the same series.
		assertThat(madeByDemo("CONTACT")).hasSizeGreaterThanOrEqualTo(20);
		assertThat(linked("customer", madeByDemo("CUSTOMER"))).isGreaterThanOrEqualTo(6);
		assertThat(linked("vendor", madeByDemo("VENDOR"))).isGreaterThanOrEqualTo(3);
		assertThat(linked("bank_account", madeByDemo("BANK_ACCOUNT"))).isGreaterThanOrEqualTo(2);
		var nordlys = admin().get("/api/v1/customers?q=nordlys").json().get("items").get(0);
		assertThat(madeByDemo("CUSTOMER")).contains(nordlys.get("no").asString());
		assertThat(nordlys.get("contact").asString()).isEqualTo("Ingrid Berg");
		var lawyer = admin().get("/api/v1/contacts?q=advokatfirmaet&type=COMPANY").json().get("items").get(0);
		assertThat(madeByDemo("CONTACT")).contains(lawyer.get("no").asString());
		assertThat(lawyer.get("contactBusinessRelation").asString()).isEqualTo("OTHER");
	}

	/**
	 * Each contact of the demo and the customer, vendor or bank account it is linked to
	 * read the same on every field the sync shares between them: city and county too.
	 */
	@Test
	void everyLinkedPairAgreesOnEverySyncedField() {
		var map = admin().get("/api/v1/setup/sync-fields").json();
		List<Map<String, Object>> links = jdbc
			.sql("SELECT contact_no, link_to_table, coalesce(customer_no, vendor_no, bank_account_no) AS linked_no"
					+ " FROM contact_business_relation WHERE link_to_table IS NOT NULL AND contact_no IN"
					+ " (SELECT no FROM change_log WHERE record_type = 'CONTACT' AND user_name = 'demo')"
					+ " ORDER BY contact_no, link_to_table")
			.query()
			.listOfRows();
		assertThat(links).as("the demo links customers, vendors and bank accounts").hasSizeGreaterThanOrEqualTo(10);
		for (Map<String, Object> link : links) {
			String type = (String) link.get("link_to_table");
			var contact = admin().get("/api/v1/contacts/" + link.get("contact_no")).json();
			String path = switch (type) {
				case "CUSTOMER" -> "/api/v1/customers/";
				case "VENDOR" -> "/api/v1/vendors/";
				default -> "/api/v1/bank-accounts/";
			};
			var record = admin().get(path + link.get("linked_no")).json();
			for (var entry : map) {
				if (entry.get("recordType").asString().equals(type)
						&& !entry.get("direction").asString().equals("NONE")) {
					String field = entry.get("field").asString();
					assertThat(record.get(field))
						.as("%s of %s %s and contact %s", field, type, link.get("linked_no"), link.get("contact_no"))
						.isEqualTo(contact.get(field));
				}
			}
		}
	}

	/**
	 * The demo's contacts, customers, vendors and bank accounts pass every data check
	 * (docs/rules.md, "Checked data"): their answers carry no warnings, and each phone
	 * number has its E.164 form.
	 */
	@Test
	void everyRecordOfTheDemoPassesEveryDataCheck() {
		Map<String, String> paths = Map.of("CONTACT", "/api/v1/contacts/", "CUSTOMER", "/api/v1/customers/", "VENDOR",
				"/api/v1/vendors/", "BANK_ACCOUNT", "/api/v1/bank-accounts/");
		int checked = 0;
		for (var type : paths.entrySet()) {
			for (String no : madeByDemo(type.getKey())) {
				var record = admin().get(type.getValue() + no).json();
				assertThat(record.has("warnings")).as("%s %s: %s", type.getKey(), no, record.get("warnings")).isFalse();
				for (String phone : List.of("phoneNo", "mobilePhoneNo", "faxNo")) {
					if (!record.get(phone).asString().isEmpty()) {
						assertThat(record.get(phone + "E164").asString()).as("%s of %s %s", phone, type.getKey(), no)
							.startsWith("+");
					}
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(30);
		assertThat(jdbc
			.sql("SELECT count(*) FROM contact WHERE vat_registration_no <> ''"
					+ " AND no IN (SELECT no FROM change_log WHERE user_name = 'demo')")
			.query(Long.class)
			.single()).as("organisation numbers are checked too").isGreaterThanOrEqualTo(5);
		assertThat(jdbc
			.sql("SELECT count(*) FROM bank_account WHERE iban <> '' AND swift_code <> ''"
					+ " AND no IN (SELECT no FROM change_log WHERE user_name = 'demo')")
			.query(Long.class)
			.single()).as("IBANs and BICs are checked too").isGreaterThanOrEqualTo(2);
	}

	@Test
	void hasQuotesOrdersAndTheirInteractionHistory() {
		List<String> sales = madeByDemo("SALES_DOCUMENT");
		assertThat(sales).filteredOn(no -> no.startsWith("SALES_QUOTE/")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(sales).filteredOn(no -> no.startsWith("SALES_ORDER/")).isNotEmpty();
		assertThat(madeByDemo("PURCHASE_DOCUMENT")).filteredOn(no -> no.startsWith("PURCHASE_ORDER/")).isNotEmpty();
		assertThat(madeByDemo("SERVICE_ORDER")).isNotEmpty();
		assertThat(jdbc.sql("SELECT DISTINCT document_type FROM interaction_log_entry WHERE user_id = 'demo'")
			.query(String.class)
			.list()).contains("SALES_QUOTE", "SERVICE_ORDER_CREATE");
	}

	/** The keys of the records of a type that the demo made (its change log says so). */
	private List<String> madeByDemo(String recordType) {
		return jdbc
			.sql("SELECT DISTINCT no FROM change_log WHERE user_name = 'demo' AND origin = 'IMPORT'"
					+ " AND record_type = ? AND old_value IS NULL")
			.param(recordType)
			.query(String.class)
			.list();
	}

	private long linked(String table, List<String> nos) {
		return nos.stream()
			.filter(no -> jdbc.sql("SELECT contact_no IS NOT NULL FROM " + table + " WHERE no = ?")
				.param(no)
				.query(Boolean.class)
				.optional()
				.orElse(false))
			.count();
	}

	@Test
	void loadsOnlyIntoAnEmptyDatabase() throws Exception {
		long before = jdbc.sql("SELECT count(*) FROM number_series").query(Long.class).single();

		demo.run(new DefaultApplicationArguments());

		assertThat(jdbc.sql("SELECT count(*) FROM number_series").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void itsChangesAreLoggedAsAnImport() {
		assertThat(jdbc
			.sql("SELECT origin || '/' || user_name FROM change_log WHERE no = 'setup/marketing'"
					+ " ORDER BY id LIMIT 1")
			.query(String.class)
			.single()).isEqualTo("IMPORT/demo");
		assertThat(
				jdbc.sql("SELECT DISTINCT origin FROM change_log WHERE user_name = 'demo'").query(String.class).list())
			.as("loaded as an import, and what the sync carried from it")
			.containsExactlyInAnyOrder("IMPORT", "SYNC");
	}

}
