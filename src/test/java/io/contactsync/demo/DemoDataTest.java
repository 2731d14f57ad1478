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
		assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE no LIKE 'KT%'").query(Long.class).single())
			.isGreaterThanOrEqualTo(20);
		assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE contact_no IS NOT NULL").query(Long.class).single())
			.isGreaterThanOrEqualTo(6);
		assertThat(jdbc.sql("SELECT count(*) FROM vendor WHERE contact_no IS NOT NULL").query(Long.class).single())
			.isGreaterThanOrEqualTo(3);
		assertThat(
				jdbc.sql("SELECT count(*) FROM bank_account WHERE contact_no IS NOT NULL").query(Long.class).single())
			.isGreaterThanOrEqualTo(2);
		var nordlys = admin().get("/api/v1/customers?q=nordlys").json().get("items").get(0);
		assertThat(nordlys.get("contact").asString()).isEqualTo("Ingrid Berg");
		var lawyer = admin().get("/api/v1/contacts?q=advokatfirmaet&type=COMPANY").json().get("items").get(0);
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

	@Test
	void hasQuotesOrdersAndTheirInteractionHistory() {
		assertThat(admin().get("/api/v1/sales-quotes").json().get("items").size()).isGreaterThanOrEqualTo(2);
		assertThat(admin().get("/api/v1/sales-orders").json().get("items").size()).isGreaterThanOrEqualTo(1);
		assertThat(admin().get("/api/v1/purchase-orders").json().get("items").size()).isGreaterThanOrEqualTo(1);
		assertThat(admin().get("/api/v1/service-orders").json().get("items").size()).isGreaterThanOrEqualTo(1);
		assertThat(
				admin().get("/api/v1/interaction-log-entries").json().get("items").findValuesAsString("documentType"))
			.contains("SALES_QUOTE", "SERVICE_ORDER_CREATE");
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
