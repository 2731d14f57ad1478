package io.contactsync.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The domain's own metrics are on the actuator's metrics endpoint (and Prometheus's) and
 * move with what they count (docs/operations.md, "Metrics"): a synced change, a job's
 * rows, wrong passwords and the lock they lead to, the mail outbox, the jobs' lag. Other
 * tests share the context, so each count is compared before and after, as at least what
 * this test did.
 */
class DomainMetricsTest extends DemoCompanyApiTest {

	@Test
	void aSyncedChangeIsCountedOnceItCommitted() {
		JsonNode contact = company("Metrikk AS", "phoneNo", "22 00 00 01");
		JsonNode customer = create("/api/v1/contacts/" + no(contact) + "/create-customer",
				Map.of("customerTemplateCode", "BEDRIFT"));
		double before = count("contactsync.sync.changes", "record:CUSTOMER");

		patched("/api/v1/contacts/" + no(contact), "phoneNo", "22 00 00 02");

		assertThat(read("/api/v1/customers/" + no(customer)).get("phoneNo").asString()).isEqualTo("22 00 00 02");
		assertThat(count("contactsync.sync.changes", "record:CUSTOMER")).isGreaterThanOrEqualTo(before + 1);
		assertProblem(admin().ifMatch(1).patch("/api/v1/contacts/" + no(contact), Map.of("phoneNo", "22 00 00 03")),
				412, "VERSION_CONFLICT");
	}

	@Test
	void wrongPasswordsAndTheLockTheyLeadToAreCounted() {
		String username = "metrikk-" + unique().toLowerCase();
		assertThat(admin()
			.post("/api/v1/users",
					Map.of("username", username, "password", "metrics-password-1", "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);
		double failures = count("contactsync.signin.failures", null);
		double lockouts = count("contactsync.signin.lockouts", null);

		for (int i = 0; i < 5; i++) {
			anonymous().as(username, "wrong-" + i).get("/api/v1/business-relations");
		}

		assertThat(count("contactsync.signin.failures", null)).isGreaterThanOrEqualTo(failures + 5);
		assertThat(count("contactsync.signin.lockouts", null)).isGreaterThanOrEqualTo(lockouts + 1);
	}

	@Test
	void aJobsRowsAndTheJobsLagAreMeasured() {
		setMarketing("businessRelationCodeForCustomers", null);
		String no;
		try {
			no = no(customer("Metrikk Jobb AS"));
		}
		finally {
			setMarketing("businessRelationCodeForCustomers", "KUNDE");
		}
		double before = count("contactsync.jobs.rows", "type:CUSTOMER");
		Api.Response submitted = admin().post("/api/v1/jobs",
				Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS", "filter", Map.of("noFrom", no, "noTo", no)));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		long id = submitted.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> text(admin().get("/api/v1/jobs/" + id).json(), "status").equals("SUCCEEDED"));

		assertThat(count("contactsync.jobs.rows", "type:CUSTOMER")).isGreaterThanOrEqualTo(before + 1);
		assertThat(metric("contactsync.jobs.lag", null).status()).isEqualTo(200);
	}

	@Test
	void theMailOutboxDepthCountsKeptMessages() {
		JsonNode company = company("Metrikk Post AS", "email", "post@metrikk.no");
		double before = count("contactsync.mail.outbox", null);

		assertThat(admin().post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", "Hei")).status())
			.isEqualTo(202);

		assertThat(count("contactsync.mail.outbox", null)).isGreaterThanOrEqualTo(before + 1);
		assertThat(admin().get("/actuator/prometheus").text()).contains("contactsync_mail_outbox",
				"contactsync_sync_changes_total", "contactsync_signin_failures_total", "contactsync_jobs_lag_seconds");
	}

	@Test
	void metricsAreForAdministratorsOnly() {
		assertThat(anonymous().get("/actuator/metrics/contactsync.mail.outbox").status()).isEqualTo(401);
		assertThat(userWithRole("VIEWER").get("/actuator/metrics/contactsync.mail.outbox").status()).isEqualTo(403);
	}

	private Api.Response metric(String name, String tag) {
		return admin().get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
	}

	/** The metric's value; 0 for a counter not made yet (made at its first count). */
	private double count(String name, String tag) {
		Api.Response answer = metric(name, tag);
		if (answer.status() == 404) {
			return 0;
		}
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().get("measurements").get(0).get("value").asDouble();
	}

}
