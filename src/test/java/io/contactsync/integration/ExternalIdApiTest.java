package io.contactsync.integration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Coupling by external id (docs/integration.md) through the API. */
class ExternalIdApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	private Api.Response put(Api as, String resource, String system, String id, Map<String, ?> body) {
		return as.put("/api/v1/" + resource + "/by-external-id/" + system + "/" + id, body);
	}

	@Test
	void theFirstWriteCreatesAndCouplesTheNextChangesTheSameRecordWithTheSync() {
		String id = "0031x" + unique();

		Api.Response created = put(admin(), "customers", "crm", id, Map.of("name", "Ekstern Kunde AS"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String no = created.json().get("no").asString();
		assertThat(created.header("Location")).hasValue("/api/v1/customers/" + no);
		assertThat(created.json().get("externalIds").get("crm").asString()).isEqualTo(id);
		assertThat(created.version()).isEqualTo(1);

		Api.Response changed = put(admin(), "customers", "CRM", id, Map.of("phoneNo", "+47 91 11 11 11"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("no").asString()).isEqualTo(no);
		assertThat(changed.json().get("name").asString()).as("a merge patch: what is not sent stays")
			.isEqualTo("Ekstern Kunde AS");
		assertThat(changed.version()).isEqualTo(2);

		JsonNode customer = read("/api/v1/customers/" + no);
		assertThat(customer.get("externalIds").get("crm").asString()).isEqualTo(id);
		assertThat(text(read("/api/v1/contacts/" + text(customer, "contactNo")), "phoneNo"))
			.as("the sync carries it as any write")
			.isEqualTo("+47 91 11 11 11");
		JsonNode list = admin().get("/api/v1/customers?q=Ekstern%20Kunde").json().get("items");
		assertThat(list).anySatisfy(item -> assertThat(item.get("externalIds").path("crm").asString()).isEqualTo(id));
		assertThat(jdbc
			.sql("SELECT count(*) FROM change_log WHERE record_type = 'CUSTOMER' AND no = ?"
					+ " AND field = 'externalIds.crm' AND new_value = ?")
			.params(no, id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theCardsShowTheIdsInOtherSystems() {
		String id = "kort-" + unique();
		String customer = put(admin(), "customers", "crm", id, Map.of("name", "Kortvist AS")).json()
			.get("no")
			.asString();
		String contact = text(read("/api/v1/customers/" + customer), "contactNo");
		WebSession user = new WebSession(port).signIn("admin", ADMIN_PASSWORD);

		String customerCard = user.get("/customers/" + customer).body();
		assertThat(customerCard).contains("id=\"external-ids\"").contains("crm").contains(id);
		assertThat(user.get("/contacts/" + contact).body()).as("the contact has no id of its own")
			.doesNotContain("id=\"external-ids\"");
	}

	@Test
	void ifNoneMatchOnlyCreatesAndIfMatchOnlyChangesThatVersion() {
		String id = "V-" + unique();
		assertThat(admin().header("If-None-Match", "*")
			.put("/api/v1/vendors/by-external-id/erp/" + id, Map.of("name", "Kun Ny AS"))
			.status()).isEqualTo(201);

		assertProblem(
				admin().header("If-None-Match", "*")
					.put("/api/v1/vendors/by-external-id/erp/" + id, Map.of("name", "Igjen AS")),
				412, "ALREADY_EXISTS");
		assertProblem(admin().ifMatch(7).put("/api/v1/vendors/by-external-id/erp/" + id, Map.of("name", "Gammel AS")),
				412, "VERSION_CONFLICT");
		Api.Response knowingly = admin().ifMatch(1)
			.put("/api/v1/vendors/by-external-id/erp/" + id, Map.of("name", "Bevisst AS"));
		assertThat(knowingly.status()).as(knowingly.toString()).isEqualTo(200);
		assertThat(knowingly.json().get("name").asString()).isEqualTo("Bevisst AS");
		assertProblem(admin().ifMatch(1).put("/api/v1/vendors/by-external-id/erp/ny-" + id, Map.of("name", "X AS")),
				412, "VERSION_CONFLICT");
	}

	@Test
	void anIdNamesOneRecordPerTypeAndSystemEvenWhenTwoWritesRace() throws Exception {
		String id = "race-" + unique();
		List<CompletableFuture<Api.Response>> writes = java.util.stream.IntStream.range(0, 4)
			.mapToObj(i -> CompletableFuture
				.supplyAsync(() -> put(admin(), "contacts", "crm", id, Map.of("type", "COMPANY", "name", "Kapp AS"))))
			.toList();
		List<Integer> statuses = writes.stream().map(CompletableFuture::join).map(Api.Response::status).toList();

		assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(jdbc.sql("SELECT count(*) FROM external_id WHERE system = 'crm' AND external_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
		Api.Response sameIdOtherType = put(admin(), "customers", "crm", id, Map.of("name", "Kapp Kunde AS"));
		assertThat(sameIdOtherType.status()).as("another record type has its own ids").isEqualTo(201);
	}

	@Test
	void aDeletedRecordLetsGoOfItsIds() {
		String id = "del-" + unique();
		Api.Response created = put(admin(), "bank-accounts", "crm", id, Map.of("name", "Slettbank"));
		String no = created.json().get("no").asString();
		assertThat(admin().header("If-Match", "*").delete("/api/v1/bank-accounts/" + no).status()).isEqualTo(204);

		Api.Response again = put(admin(), "bank-accounts", "crm", id, Map.of("name", "Ny Slettbank"));
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("no").asString()).isNotEqualTo(no);
	}

	@Test
	void badKeysAndBodiesAreRefusedAndWriteNothing() {
		String id = "bad-" + unique();
		Api.Response badSystem = put(admin(), "customers", "c%20r%20m", id, Map.of("name", "X AS"));
		assertProblem(badSystem, 422, "VALIDATION_FAILED");
		assertThat(badSystem.json().get("errors").get(0).get("field").asString()).isEqualTo("system");
		assertProblem(put(admin(), "customers", "crm", id, Map.of("name", "")), 422, "VALIDATION_FAILED");
		assertProblem(put(admin(), "customers", "crm", id, Map.of("nonsense", 1)), 400, "MALFORMED_REQUEST");
		assertThat(
				jdbc.sql("SELECT count(*) FROM external_id WHERE external_id = ?").param(id).query(Long.class).single())
			.as("nothing of a refused write is kept")
			.isZero();
		assertThat(put(userWithRole("VIEWER"), "customers", "crm", id, Map.of("name", "X AS")).status()).isEqualTo(403);
	}

}
