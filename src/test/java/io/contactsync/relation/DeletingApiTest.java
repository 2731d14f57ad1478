package io.contactsync.relation;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Deleting one side never deletes the other (docs/rules.md, "Deleting"). */
class DeletingApiTest extends DemoCompanyApiTest {

	@Test
	void deletingCustomerKeepsItsContact() {
		JsonNode customer = customer("Slettet Kunde AS");
		String contact = text(customer, "contactNo");

		assertThat(admin().ifMatch(read("/api/v1/customers/" + no(customer)).get("version").asLong())
			.delete("/api/v1/customers/" + no(customer))
			.status()).isEqualTo(204);

		JsonNode kept = read("/api/v1/contacts/" + contact);
		assertThat(text(kept, "name")).isEqualTo("Slettet Kunde AS");
		assertThat(text(kept, "contactBusinessRelation")).isEqualTo("NONE");
		assertThat(admin().get("/api/v1/contacts/" + contact + "/business-relations").json().size()).isZero();
	}

	@Test
	void deletingContactKeepsItsLinkedRecords() {
		JsonNode vendor = vendor("Beholdt Leverandør AS");
		String contact = text(vendor, "contactNo");
		JsonNode bank = create("/api/v1/contacts/" + contact + "/create-bank-account", Map.of());

		assertThat(admin().ifMatch(read("/api/v1/contacts/" + contact).get("version").asLong())
			.delete("/api/v1/contacts/" + contact)
			.status()).isEqualTo(204);

		JsonNode keptVendor = read("/api/v1/vendors/" + no(vendor));
		assertThat(keptVendor.get("contactNo").isNull()).isTrue();
		assertThat(keptVendor.get("primaryContactNo").isNull()).isTrue();
		assertThat(read("/api/v1/bank-accounts/" + no(bank)).get("contactNo").isNull()).isTrue();
		assertProblem(admin().get("/api/v1/contacts/" + contact), 404, "NOT_FOUND");
	}

	@Test
	void deletingACompanyDeletesItsPeople() {
		JsonNode company = company("Nedlagt AS");
		JsonNode person = person("Ansatt Ask", no(company));

		admin().ifMatch(read("/api/v1/contacts/" + no(company)).get("version").asLong())
			.delete("/api/v1/contacts/" + no(company));

		assertProblem(admin().get("/api/v1/contacts/" + no(person)), 404, "NOT_FOUND");
	}

	@Test
	void aDeletedContactsRecordCanBeLinkedAgain() {
		JsonNode customer = customer("Relenket AS");
		String contact = text(customer, "contactNo");
		admin().ifMatch(read("/api/v1/contacts/" + contact).get("version").asLong())
			.delete("/api/v1/contacts/" + contact);
		JsonNode newContact = company("Ny Eier AS");

		assertThat(admin()
			.post("/api/v1/contacts/" + no(newContact) + "/link", Map.of("linkToTable", "CUSTOMER", "no", no(customer)))
			.status()).isEqualTo(201);
		assertThat(text(read("/api/v1/customers/" + no(customer)), "contactNo")).isEqualTo(no(newContact));
	}

	@Test
	void deletingNeedsTheCurrentVersion() {
		JsonNode customer = customer("Versjonert AS");

		assertProblem(admin().delete("/api/v1/customers/" + no(customer)), 428, "PRECONDITION_REQUIRED");
		assertProblem(admin().ifMatch(99).delete("/api/v1/customers/" + no(customer)), 412, "VERSION_CONFLICT");
		assertThat(read("/api/v1/customers/" + no(customer)).get("name").asString()).isEqualTo("Versjonert AS");
	}

	/**
	 * A refused delete says what keeps the record: the open order that names the
	 * customer.
	 */
	@Test
	void aRefusedDeleteOfACustomerNamesTheOpenOrderThatUsesIt() {
		JsonNode customer = customer("Ordrekunde " + unique() + " AS");
		JsonNode order = create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer), "lines",
				List.of(Map.of("description", "Filter", "quantity", 1, "unitPrice", 100))));

		Api.Response refused = admin().ifMatch(read("/api/v1/customers/" + no(customer)).get("version").asLong())
			.delete("/api/v1/customers/" + no(customer));

		assertProblem(refused, 409, "IN_USE");
		assertThat(text(refused.json(), "detail")).contains("Customer " + no(customer), "Sales order " + no(order));
	}

	/** A code in use names the records that use it, found through the database's keys. */
	@Test
	void aRefusedDeleteOfASetupCodeNamesTheRecordsThatUseIt() {
		String code = "S" + unique().substring(0, 6);
		create("/api/v1/salespeople", Map.of("code", code, "name", "Selger " + code));
		JsonNode customer = customer("Selgerkunde " + unique() + " AS", "salespersonCode", code);
		long version = read("/api/v1/salespeople/" + code).get("version").asLong();

		Api.Response refused = admin().ifMatch(version).delete("/api/v1/salespeople/" + code);

		assertProblem(refused, 409, "IN_USE");
		assertThat(text(refused.json(), "detail")).contains("Salesperson " + code, "Customer " + no(customer),
				"Contact " + text(customer, "contactNo"));
		assertThat(read("/api/v1/salespeople/" + code).get("name").asString()).as("still there")
			.isEqualTo("Selger " + code);
	}

}
