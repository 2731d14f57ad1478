package io.contactsync.relation;

import java.util.List;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * City and county come from the post code on every card, follow a changed post code, and
 * read the same on a contact and its linked records (docs/rules.md, "Post codes"). The
 * demo company's post code list has 9008 Tromsø (Troms), 8006 Bodø (Nordland) and 5003
 * Bergen (Vestland).
 */
class PostCodeApiTest extends DemoCompanyApiTest {

	@Test
	void theLookupFillsCityAndCountyOnEveryCardAndItsContact() {
		for (String path : List.of("/api/v1/customers", "/api/v1/vendors", "/api/v1/bank-accounts")) {
			JsonNode record = create(path, Map.of("name", "Postkort " + unique() + " AS", "postCode", "8006"));

			assertPlace(record, "8006", "Bodø", "Nordland");
			assertPlace(read("/api/v1/contacts/" + text(record, "contactNo")), "8006", "Bodø", "Nordland");
		}
	}

	@Test
	void aPostCodeChangedOnACustomerReplacesTheOldCodesCityOnBothSides() {
		JsonNode customer = customer("Kundeflytt " + unique() + " AS", "postCode", "9008");
		String contact = text(customer, "contactNo");
		assertPlace(read("/api/v1/contacts/" + contact), "9008", "Tromsø", "Troms");

		JsonNode moved = patched("/api/v1/customers/" + no(customer), "postCode", "8006");

		assertPlace(moved, "8006", "Bodø", "Nordland");
		assertPlace(read("/api/v1/contacts/" + contact), "8006", "Bodø", "Nordland");
	}

	@Test
	void aPostCodeChangedOnAContactReachesEveryLinkedRecordWithItsCity() {
		String name = "Kontaktflytt " + unique() + " AS";
		JsonNode contact = company(name, "postCode", "9008");
		assertPlace(contact, "9008", "Tromsø", "Troms");
		JsonNode customer = create("/api/v1/contacts/" + no(contact) + "/create-customer",
				Map.of("customerTemplateCode", "BEDRIFT"));
		JsonNode vendor = create("/api/v1/contacts/" + no(contact) + "/create-vendor", Map.of());
		JsonNode bank = create("/api/v1/contacts/" + no(contact) + "/create-bank-account", Map.of());

		assertPlace(patched("/api/v1/contacts/" + no(contact), "postCode", "5003"), "5003", "Bergen", "Vestland");

		assertPlace(read("/api/v1/customers/" + no(customer)), "5003", "Bergen", "Vestland");
		assertPlace(read("/api/v1/vendors/" + no(vendor)), "5003", "Bergen", "Vestland");
		assertPlace(read("/api/v1/bank-accounts/" + no(bank)), "5003", "Bergen", "Vestland");
	}

	@Test
	void aCityTypedByHandStaysWhenThePostCodeChangesAndBothSidesAgree() {
		JsonNode vendor = vendor("Egen by " + unique() + " AS", "postCode", "9008", "city", "Kvaløysletta");
		assertPlace(vendor, "9008", "Kvaløysletta", "Troms");

		patched("/api/v1/vendors/" + no(vendor), "postCode", "8006");

		assertPlace(read("/api/v1/vendors/" + no(vendor)), "8006", "Kvaløysletta", "Nordland");
		assertPlace(read("/api/v1/contacts/" + text(vendor, "contactNo")), "8006", "Kvaløysletta", "Nordland");
	}

	@Test
	void aCitySentWithTheNewPostCodeIsKept() {
		JsonNode bank = bankAccount("Samme skriv " + unique() + " ASA", "postCode", "9008");

		patched("/api/v1/bank-accounts/" + no(bank), "postCode", "8006", "city", "Saltstraumen");

		assertPlace(read("/api/v1/bank-accounts/" + no(bank)), "8006", "Saltstraumen", "Nordland");
		assertPlace(read("/api/v1/contacts/" + text(bank, "contactNo")), "8006", "Saltstraumen", "Nordland");
	}

	@Test
	void aPostCodeChangeRaisesEachRecordsVersionByOne() {
		JsonNode customer = customer("Versjon " + unique() + " AS", "postCode", "9008");
		String contact = text(customer, "contactNo");
		long customerVersion = read("/api/v1/customers/" + no(customer)).get("version").asLong();
		long contactVersion = read("/api/v1/contacts/" + contact).get("version").asLong();

		patched("/api/v1/customers/" + no(customer), "postCode", "8006");

		assertThat(read("/api/v1/customers/" + no(customer)).get("version").asLong()).isEqualTo(customerVersion + 1);
		assertThat(read("/api/v1/contacts/" + contact).get("version").asLong()).isEqualTo(contactVersion + 1);
	}

	private static void assertPlace(JsonNode record, String postCode, String city, String county) {
		assertThat(List.of(text(record, "postCode"), text(record, "city"), text(record, "county")))
			.as(record.toString())
			.containsExactly(postCode, city, county);
	}

}
