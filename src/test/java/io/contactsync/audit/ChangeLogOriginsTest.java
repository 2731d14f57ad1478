package io.contactsync.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/targets.md S5: a change from each origin — a person in the web UI (USER), an API
 * client (API), the sync carrying it on (SYNC), a batch job (JOB) and data loaded from
 * outside (IMPORT, the demo company) — is in the change log with the user, the time, the
 * origin, and the old and new values.
 */
@Tag("quality")
class ChangeLogOriginsTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeFromEveryOriginIsLoggedWithUserTimeOriginAndBothValues() {
		Instant started = Instant.now().minusSeconds(1);
		String username = "origins-" + unique().toLowerCase();
		String password = "origins-password-1";
		assertThat(admin()
			.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of("SALES")))
			.status()).isEqualTo(201);
		JsonNode customer = customer("Opphav AS", "city", "Bergen");
		String contact = text(customer, "contactNo");

		// USER: the city changed on the contact's card, carried (SYNC) to the customer
		long version = read("/api/v1/contacts/" + contact).get("version").asLong();
		assertThat(new WebSession(port).signIn(username, password)
			.post("/contacts/" + contact, Map.of("version", String.valueOf(version), "city", "Molde"))
			.statusCode()).isEqualTo(302);
		JsonNode byUser = latest("CONTACT", contact, "city");
		assertEntry(byUser, username, "USER", "Bergen", "Molde", started);
		JsonNode carried = latest("CUSTOMER", no(customer), "city");
		assertEntry(carried, username, "SYNC", "Bergen", "Molde", started);
		assertThat(carried.get("causedBy").asLong()).isEqualTo(byUser.get("id").asLong());

		// API: the phone changed on the customer by a client
		Api.Response patched = admin().ifMatch(read("/api/v1/customers/" + no(customer)).get("version").asLong())
			.patch("/api/v1/customers/" + no(customer), Map.of("phoneNo", "+47 22 33 44 55"));
		assertThat(patched.status()).isEqualTo(200);
		assertEntry(latest("CUSTOMER", no(customer), "phoneNo"), "admin", "API", null, "+47 22 33 44 55", started);
		assertEntry(latest("CONTACT", contact, "phoneNo"), "admin", "SYNC", null, "+47 22 33 44 55", started);

		// JOB: a contact made for a customer that had none
		// (a customer made through the API gets its contact at once; this one is loaded)
		String alone = "JOB" + unique();
		jdbc.sql("INSERT INTO customer (no, name) VALUES (?, ?)").params(alone, "Jobbkunde " + alone).update();
		Api.Response job = admin().post("/api/v1/jobs",
				Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS", "filter", Map.of("noFrom", alone, "noTo", alone)));
		assertThat(job.status()).isEqualTo(202);
		String jobPath = "/api/v1/jobs/" + job.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "SUCCEEDED".equals(admin().get(jobPath).json().get("status").asString()));
		String made = read("/api/v1/customers/" + alone).get("contactNo").asString();
		assertEntry(latest("CONTACT", made, "name"), "admin", "JOB", null,
				read("/api/v1/customers/" + alone).get("name").asString(), started);

		// IMPORT: the demo company's data, loaded at the first start
		JsonNode imported = admin().get("/api/v1/change-log?recordType=SETUP&limit=1000").json().get("items");
		assertThat(imported).anySatisfy(entry -> {
			assertThat(entry.get("origin").asString()).isEqualTo("IMPORT");
			assertThat(entry.get("user").asString()).isEqualTo("demo");
			assertThat(entry.get("at").asString()).isNotBlank();
		});
	}

	private JsonNode latest(String recordType, String no, String field) {
		JsonNode items = admin().get("/api/v1/change-log?recordType=" + recordType + "&no=" + no + "&limit=1000")
			.json()
			.get("items");
		for (JsonNode entry : items) {
			if (entry.get("field").asString().equals(field)) {
				return entry;
			}
		}
		throw new AssertionError("no change of " + field + " on " + recordType + " " + no + " in " + items);
	}

	private static void assertEntry(JsonNode entry, String user, String origin, String oldValue, String newValue,
			Instant notBefore) {
		assertThat(entry.get("user").asString()).as(entry.toString()).isEqualTo(user);
		assertThat(entry.get("origin").asString()).as(entry.toString()).isEqualTo(origin);
		assertThat(entry.get("oldValue").isNull() ? null : entry.get("oldValue").asString()).as(entry.toString())
			.isIn(oldValue, (oldValue == null) ? "" : oldValue);
		assertThat(entry.get("newValue").asString()).as(entry.toString()).isEqualTo(newValue);
		assertThat(Instant.parse(entry.get("at").asString())).as(entry.toString()).isAfter(notBefore);
	}

}
