package io.contactsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactsync.setup.DataChecks;
import tools.jackson.databind.JsonNode;

/**
 * P1c: what the data checks (phone numbers by libphonenumber, e-mail, VAT and organisation
 * numbers, IBAN and BIC) cost P1's job. The checks cannot be switched off (bench/README.md
 * says why), so the same run times them on their own: the job over {@code jobRecords}
 * unlinked customers as users run it, then the very call the job makes per contact
 * ({@code DataChecks.check} of a new contact's values, carried from a checked customer:
 * the phone numbers read into E.164) over the same contacts' values, in this JVM, after
 * one untimed pass. The figure is the job's rate; the baseline the rate it would have
 * without the checks' time. Also printed: what evaluating every check on those values
 * would add (what a typed value costs; the job's carried values skip it).
 */
final class CheckCostBench {

	private CheckCostBench() {
	}

	static Figure run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		int n = size.jobRecords();
		Data.unlinkedCustomers(service.jdbc, "PC", 1, n);
		service.jdbc.sql("ANALYZE customer").update();
		JsonNode submitted = service.call("POST", "/api/v1/jobs", Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS",
				"filter", Map.of("noFrom", "PC0000001", "noTo", "PC9999999")));
		JsonNode job;
		do {
			Thread.sleep(100);
			job = service.call("GET", "/api/v1/jobs/" + submitted.get("id").asLong(), null);
		}
		while (job.get("status").asString().equals("QUEUED") || job.get("status").asString().equals("RUNNING"));
		if (!job.get("status").asString().equals("SUCCEEDED") || job.get("created").asLong() != n) {
			throw new IllegalStateException("the job did not create " + n + " contacts: " + job);
		}
		double jobSeconds = Duration
			.between(Instant.parse(job.get("startedAt").asString()), Instant.parse(job.get("finishedAt").asString()))
			.toNanos() / 1e9;

		List<Map<String, Object>> made = madeContacts(service);
		DataChecks checks = service.context.getBean(DataChecks.class);
		timeChecks(checks, made, false);
		double checkSeconds = timeChecks(checks, made, false);
		timeChecks(checks, made, true);
		double everyCheckSeconds = timeChecks(checks, made, true);
		double withChecks = n / jobSeconds;
		double without = n / (jobSeconds - checkSeconds);
		return new Figure("P1c", "P1's job with the checks vs their time taken out, rec/s", withChecks, without,
				"rec/s", Figure.Goal.atLeast(0.90, ">= 0.90 (checks cost <= 10 %)"),
				String.format("job %.2f s over %d customers, %d contacts made; the checks the job runs on them"
						+ " (phone numbers to E.164) %.1f ms, %.1f us a contact; every check evaluated on the same"
						+ " values (as for typed values) %.1f ms, which would be %.1f %% of the job", jobSeconds, n,
						made.size(), checkSeconds * 1e3, checkSeconds * 1e6 / made.size(), everyCheckSeconds * 1e3,
						100 * everyCheckSeconds / jobSeconds));
	}

	/** The values of the contacts the job made, by field name, as a new contact's. */
	private static List<Map<String, Object>> madeContacts(Service service) {
		return service.jdbc
			.sql("SELECT c.phone_no, c.mobile_phone_no, c.fax_no, c.email, c.country_region_code FROM contact c"
					+ " JOIN contact_business_relation r ON r.contact_no = c.no OR r.contact_no = c.company_no"
					+ " WHERE r.customer_no LIKE 'PC%'")
			.query((rs, i) -> {
				Map<String, Object> values = new HashMap<>();
				values.put("phoneNo", rs.getString(1));
				values.put("mobilePhoneNo", rs.getString(2));
				values.put("faxNo", rs.getString(3));
				values.put("email", rs.getString(4));
				values.put("countryRegionCode", rs.getString(5));
				return values;
			})
			.list();
	}

	/**
	 * Seconds for the job's own call of the checks over every contact's values, or (with
	 * {@code every}) for evaluating every check as for a value a user typed.
	 */
	private static double timeChecks(DataChecks checks, List<Map<String, Object>> contacts, boolean every) {
		List<Map<String, Object>> copies = new ArrayList<>(contacts.size());
		contacts.forEach(values -> copies.add(new HashMap<>(values)));
		long started = System.nanoTime();
		int found = 0;
		for (Map<String, Object> values : copies) {
			if (every) {
				found += checks.findings(values, null).size();
			}
			else {
				checks.check(values, null, Set.of(), List::of);
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		// Read, so that the work is not left out as unused.
		return found < 0 ? 0 : seconds;
	}

}
