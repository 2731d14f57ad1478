package io.contactsync.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.StatementCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch job of docs/rules.md, "Create contacts from records": contacts for the
 * records that have none.
 */
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
	void aJobMakesTheContactsThatCreatingTheRecordWithTheSyncOnMakes() {
		Object[] fields = { "address", "Storgata 1", "postCode", "0150", "phoneNo", "22 33 44 55", "email",
				"post@likt.no", "contact", "Kari Likt Nordmann" };
		JsonNode single = customer("Likt Kunde AS", fields);
		assertThat(text(single, "contactNo")).as("made with the sync on: its contacts came with it").isNotNull();
		setMarketing("businessRelationCodeForCustomers", null);
		String bulkNo;
		try {
			bulkNo = no(customer("Likt Kunde AS", fields));
		}
		finally {
			setMarketing("businessRelationCodeForCustomers", "KUNDE");
		}
		// Else the comparison below would compare two creations, and pass without the
		// job.
		assertThat(text(read("/api/v1/customers/" + bulkNo), "contactNo")).as("no contact before the job").isNull();

		JsonNode job = finished(submit("CREATE_CONTACTS_FROM_CUSTOMERS", bulkNo, bulkNo));
		assertThat(job.get("created").asLong()).as("the job made the contact").isEqualTo(1);

		JsonNode bulk = read("/api/v1/customers/" + bulkNo);
		JsonNode singleCompany = read("/api/v1/contacts/" + text(single, "contactNo"));
		JsonNode bulkCompany = read("/api/v1/contacts/" + text(bulk, "contactNo"));
		assertSameExceptNumbers(bulkCompany, singleCompany);
		assertSameExceptNumbers(read("/api/v1/contacts/" + text(bulk, "primaryContactNo")),
				read("/api/v1/contacts/" + text(single, "primaryContactNo")));
		assertThat(text(bulk, "contact")).isEqualTo(text(single, "contact")).isEqualTo("Kari Likt Nordmann");
		assertThat(loggedFields("CONTACT", text(bulkCompany, "no")))
			.isEqualTo(loggedFields("CONTACT", text(singleCompany, "no")));
		assertThat(loggedFields("CONTACT_BUSINESS_RELATION", text(bulkCompany, "no") + "/KUNDE"))
			.isEqualTo(loggedFields("CONTACT_BUSINESS_RELATION", text(singleCompany, "no") + "/KUNDE"));
		assertThat(loggedFields("CUSTOMER", bulkNo)).contains("primaryContactNo", "contact");
		assertThat(searchStrings(text(bulkCompany, "no"))).as("its search strings, as any company's")
			.isEqualTo(searchStrings(text(singleCompany, "no")))
			// the phone's strings are read from its E.164 form, which the checks set
			.contains("phoneNo LAST 34455", "phoneNo FIRST 47223", "name FIRST LIKTK", "postCode LAST 0150");
	}

	private List<String> searchStrings(String contactNo) {
		return jdbc
			.sql("SELECT field || ' ' || part || ' ' || value FROM duplicate_search_string"
					+ " WHERE contact_no = ? ORDER BY field, part")
			.param(contactNo)
			.query(String.class)
			.list();
	}

	@Test
	void aRecordTheDatabaseRefusesFailsAloneAndTheRestOfItsPageIsDone() {
		List<String> nos = unlinkedCustomers(3);
		String refused = text(read("/api/v1/customers/" + nos.get(1)), "name");
		jdbc.sql("ALTER TABLE contact ADD CONSTRAINT test_refuses_one CHECK (name <> '" + refused + "') NOT VALID")
			.update();
		JsonNode job;
		try {
			job = finished(submit("CREATE_CONTACTS_FROM_CUSTOMERS", nos.get(0), nos.get(2)));
		}
		finally {
			jdbc.sql("ALTER TABLE contact DROP CONSTRAINT test_refuses_one").update();
		}

		assertThat(job.get("created").asLong()).isEqualTo(2);
		assertThat(job.get("failed").asLong()).isEqualTo(1);
		assertThat(job.get("errors").get(0).get("no").asString()).isEqualTo(nos.get(1));
		assertThat(text(read("/api/v1/customers/" + nos.get(1)), "contactNo")).isNull();
		assertThat(text(read("/api/v1/customers/" + nos.get(2)), "contactNo")).isNotNull();
	}

	@Test
	void aPageOfRecordsCostsAFewStatementsWhateverItsSize() {
		String tag = "JQ" + unique().substring(0, 6);
		jdbc.sql("INSERT INTO customer (no, name, contact) SELECT ? || lpad(n::text, 4, '0'), 'Mengde ' || n,"
				+ " CASE WHEN n % 2 = 0 THEN 'Person ' || n ELSE '' END FROM generate_series(1, 300) AS n")
			.params(tag)
			.update();
		StatementCounts statements = new StatementCounts(jdbc);
		statements.reset();

		JsonNode job = finished(submit("CREATE_CONTACTS_FROM_CUSTOMERS", tag + "0001", tag + "0300"));

		assertThat(job.get("created").asLong()).isEqualTo(300);
		assertThat(jdbc
			.sql("SELECT count(*) FROM contact WHERE company_no IN (SELECT contact_no FROM customer"
					+ " WHERE no LIKE ? || '%') AND type = 'PERSON'")
			.param(tag)
			.query(Long.class)
			.single()).isEqualTo(150);
		statements.printSlowest("A job over 300 customers", 15);
		// Counted by the table they write, whoever ran them (the job runs on the job
		// runner's threads): the text picks them, without the filter of a sum.
		assertThat(statements.startingWith("INSERT INTO contact ")).as("companies, then people").isEqualTo(2);
		assertThat(statements.startingWith("INSERT INTO change_log")).as("a handful per page, none per record")
			.isLessThan(10);
		assertThat(statements.startingWith("INSERT INTO change_event"))
			.as("the outbox: a handful per page, none per record")
			.isBetween(1L, 9L);
	}

	private List<String> loggedFields(String recordType, String no) {
		return jdbc.sql("SELECT field FROM change_log WHERE record_type = ? AND no = ? ORDER BY field, id")
			.params(recordType, no)
			.query(String.class)
			.list();
	}

	@Test
	void aRunningJobCancelledStopsAfterAWholePage() {
		String tag = "JC" + unique().substring(0, 6);
		jdbc.sql("INSERT INTO customer (no, name) SELECT ? || lpad(n::text, 5, '0'), 'Avbrutt ' || n"
				+ " FROM generate_series(1, 8000) AS n")
			.params(tag)
			.update();
		long id = submit("CREATE_CONTACTS_FROM_CUSTOMERS", tag + "00001", tag + "08000").get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> text(admin().get("/api/v1/jobs/" + id).json(), "status").equals("RUNNING"));

		Api.Response cancelled = admin().post("/api/v1/jobs/" + id + "/cancel", null);

		assertThat(cancelled.status()).isEqualTo(202);
		JsonNode job = finished(cancelled.json());
		assertThat(text(job, "status")).isEqualTo("CANCELLED");
		assertThat(job.get("processed").asLong()).as("stopped before the end").isLessThan(8000);
		assertThat(job.get("processed").asLong() % 1000).as("after a whole page").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE no LIKE ? || '%' AND contact_no IS NOT NULL")
			.param(tag)
			.query(Long.class)
			.single()).as("what it did stays done").isEqualTo(job.get("created").asLong());
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
		// over a range of its own: a job over every record would do other tests' work
		String none = "JF" + unique();
		Api.Response submitted = userWithRole("FINANCE").post("/api/v1/jobs",
				Map.of("type", "CREATE_CONTACTS_FROM_BANK_ACCOUNTS", "filter", Map.of("noFrom", none, "noTo", none)));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		assertThat(text(finished(submitted.json()), "status")).isEqualTo("SUCCEEDED");
		assertThat(userWithRole("VIEWER").get("/api/v1/jobs").json().get("items").size()).isPositive();
	}

	@Test
	void aFinishedJobStaysFinishedWhenCancelled() {
		String none = "JS" + unique();
		JsonNode job = finished(submit("CREATE_CONTACTS_FROM_VENDORS", none, none));

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
