package io.contactsync.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The batch job of domain rules §3.3: contacts for the records that have none. */
class JobApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsAContactForEveryCustomerWithoutOneAndNothingTheSecondTime() {
		List<String> nos = unlinkedCustomers(4);
		company("Jobb Kunde 2 AS");
		String from = nos.get(0);
		String to = nos.get(nos.size() - 1);

		JsonNode job = finished(submit("CREATE_CONTACTS_FROM_CUSTOMERS", from, to));

		assertThat(text(job, "status")).isEqualTo("SUCCEEDED");
		assertThat(job.get("total").asLong()).isEqualTo(4);
		assertThat(job.get("processed").asLong()).isEqualTo(4);
		assertThat(job.get("created").asLong()).isEqualTo(4);
		assertThat(job.get("failed").asLong()).isZero();
		assertThat(job.get("duplicates").asLong()).as("the contact of Jobb Kunde 2 AS has a twin").isEqualTo(1);
		for (String no : nos) {
			JsonNode customer = read("/api/v1/customers/" + no);
			assertThat(text(customer, "contactNo")).as(no).isNotNull();
			assertThat(text(read("/api/v1/contacts/" + text(customer, "contactNo")), "contactBusinessRelation"))
				.isEqualTo("CUSTOMER");
		}
		JsonNode withPerson = read("/api/v1/customers/" + nos.get(0));
		JsonNode person = read("/api/v1/contacts/" + text(withPerson, "primaryContactNo"));
		assertThat(text(person, "type")).as("the contact text became a person").isEqualTo("PERSON");
		assertThat(text(person, "name")).isEqualTo("Jobb Person");
		assertThat(text(read("/api/v1/customers/" + nos.get(1)), "primaryContactNo"))
			.as("no contact text: the company is the primary contact")
			.isEqualTo(text(read("/api/v1/customers/" + nos.get(1)), "contactNo"));
		assertThat(jdbc.sql("SELECT DISTINCT origin FROM change_log WHERE record_type = 'CONTACT' AND no = ?")
			.param(text(withPerson, "contactNo"))
			.query(String.class)
			.list()).containsExactly("JOB");

		JsonNode again = finished(submit("CREATE_CONTACTS_FROM_CUSTOMERS", from, to));
		assertThat(again.get("created").asLong()).isZero();
		assertThat(again.get("skipped").asLong()).isEqualTo(4);
	}

	@Test
	void aBadJobIsRefused() {
		assertProblem(admin().post("/api/v1/jobs", Map.of("type", "DELETE_EVERYTHING")), 422, "VALIDATION_FAILED");
		assertProblem(
				admin().post("/api/v1/jobs",
						Map.of("type", "CREATE_CONTACTS_FROM_VENDORS", "filter", Map.of("noFrom", "L9", "noTo", "L1"))),
				422, "VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/jobs", Map.of("type", "CREATE_CONTACTS_FROM_VENDORS", "extra", 1)), 400,
				"MALFORMED_REQUEST");
		assertProblem(admin().get("/api/v1/jobs/999999"), 404, "NOT_FOUND");
	}

	@Test
	void financeRunsJobsAndEveryoneSeesThem() {
		assertProblem(userWithRole("SALES").post("/api/v1/jobs", Map.of("type", "CREATE_CONTACTS_FROM_BANK_ACCOUNTS")),
				403, "FORBIDDEN");
		Api.Response submitted = userWithRole("FINANCE").post("/api/v1/jobs",
				Map.of("type", "CREATE_CONTACTS_FROM_BANK_ACCOUNTS"));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		assertThat(text(finished(submitted.json()), "status")).isEqualTo("SUCCEEDED");
		assertThat(userWithRole("VIEWER").get("/api/v1/jobs").json().get("items").size()).isPositive();
	}

	@Test
	void aFinishedJobStaysFinishedWhenCancelled() {
		JsonNode job = finished(submit("CREATE_CONTACTS_FROM_VENDORS", null, null));

		Api.Response cancelled = admin().post("/api/v1/jobs/" + job.get("id").asLong() + "/cancel", null);

		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(text(cancelled.json(), "status")).isEqualTo("SUCCEEDED");
	}

	private JsonNode submit(String type, String from, String to) {
		Map<String, Object> filter = new HashMap<>();
		if (from != null) {
			filter.put("noFrom", from);
			filter.put("noTo", to);
		}
		Api.Response submitted = admin().post("/api/v1/jobs", Map.of("type", type, "filter", filter));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		assertThat(submitted.header("Location")).isPresent();
		return submitted.json();
	}

	private JsonNode finished(JsonNode job) {
		long id = job.get("id").asLong();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			String status = text(admin().get("/api/v1/jobs/" + id).json(), "status");
			return !status.equals("QUEUED") && !status.equals("RUNNING");
		});
		return admin().get("/api/v1/jobs/" + id).json();
	}

	/**
	 * Customers made with the sync for customers switched off, so they have no contact.
	 */
	private List<String> unlinkedCustomers(int count) {
		setMarketing("businessRelationCodeForCustomers", null);
		List<String> nos = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				nos.add(no(i == 0 ? customer("Jobb Kunde " + i + " AS", "contact", "Jobb Person")
						: customer("Jobb Kunde " + i + " AS")));
			}
		}
		finally {
			setMarketing("businessRelationCodeForCustomers", "KUNDE");
		}
		return nos;
	}

}
