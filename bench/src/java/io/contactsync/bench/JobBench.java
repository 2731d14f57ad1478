package io.contactsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * P1: the job "create contacts from customers" over unlinked customers, against the raw
 * limit: a plain batched JDBC insert of the same contact and relation rows (a company per
 * customer, a person where the customer names one, a relation per customer) into the same
 * tables, a thousand customers per transaction as the job's pages.
 */
final class JobBench {

	private JobBench() {
	}

	static List<Figure> run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		int n = size.jobRecords();
		Data.unlinkedCustomers(service.jdbc, "PA", 1, n);
		Data.unlinkedCustomers(service.jdbc, "PB", 1, n);
		service.jdbc.sql("ANALYZE").update();

		double baseline = n / rawInsertSeconds(service, n);
		service.printTopStatements("P1 before the job");

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		long heapBefore = memory.getHeapMemoryUsage().getUsed();
		JsonNode submitted = service.call("POST", "/api/v1/jobs", Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS",
				"filter", Map.of("noFrom", "PB0000001", "noTo", "PB9999999")));
		long id = submitted.get("id").asLong();
		long peakHeap = 0;
		JsonNode job;
		while (true) {
			peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
			job = service.call("GET", "/api/v1/jobs/" + id, null);
			String status = job.get("status").asString();
			if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
				break;
			}
			Thread.sleep(100);
		}
		if (!job.get("status").asString().equals("SUCCEEDED") || job.get("created").asLong() != n) {
			throw new IllegalStateException("the job did not create " + n + " contacts: " + job);
		}
		service.printTopStatements("P1 job");
		double seconds = Duration
			.between(Instant.parse(job.get("startedAt").asString()), Instant.parse(job.get("finishedAt").asString()))
			.toNanos() / 1e9;
		double rate = n / seconds;
		return List.of(new Figure("P1", "job: contacts from " + n + " customers, records/s", rate, baseline,
				"rec/s", ">= 40 % of raw batched insert",
				String.format("job %.1f s (guide < 10 s at 100,000); raw insert of the same rows %.1f s; heap in use"
						+ " %d MB before, at most %d MB while it ran (sampled every 100 ms)", seconds, n / baseline,
						heapBefore >> 20, peakHeap >> 20)));
	}

	/** Seconds for a plain batched insert of the rows the job makes for n customers. */
	private static double rawInsertSeconds(Service service, int n) throws Exception {
		List<Map<String, Object>> customers = service.jdbc
			.sql("SELECT no, name, address, city, post_code, phone_no, email, contact FROM customer"
					+ " WHERE no LIKE 'PA%' ORDER BY no")
			.query()
			.listOfRows();
		long started = System.nanoTime();
		try (Connection db = service.dataSource.getConnection()) {
			db.setAutoCommit(false);
			try (PreparedStatement companies = db.prepareStatement("INSERT INTO contact (no, type, name, company_no,"
					+ " company_name, address, city, post_code, county, phone_no, email, contact_business_relation)"
					+ " VALUES (?, 'COMPANY', ?, ?, ?, ?, ?, ?, 'Oslo', ?, ?, 'CUSTOMER')");
					PreparedStatement people = db.prepareStatement("INSERT INTO contact (no, type, name, first_name,"
							+ " middle_name, surname, company_no, company_name, address, city, post_code, county, phone_no,"
							+ " email, contact_business_relation) VALUES (?, 'PERSON', ?, ?, '', ?, ?, ?, ?, ?, ?, 'Oslo',"
							+ " ?, ?, 'CUSTOMER')");
					PreparedStatement relations = db.prepareStatement("INSERT INTO contact_business_relation"
							+ " (contact_no, contact_type, contact_standalone, business_relation_code, link_to_table,"
							+ " customer_no) VALUES (?, 'COMPANY', false, 'KUNDE', 'CUSTOMER', ?)")) {
				for (int i = 0; i < customers.size(); i++) {
					Map<String, Object> customer = customers.get(i);
					String company = "RAW" + customer.get("no");
					companies.setString(1, company);
					companies.setString(2, (String) customer.get("name"));
					setDetails(companies, 3, company, customer);
					companies.addBatch();
					String person = (String) customer.get("contact");
					if (!person.isEmpty()) {
						String[] parts = person.split(" ");
						people.setString(1, "RAWP" + customer.get("no"));
						people.setString(2, person);
						people.setString(3, parts[0]);
						people.setString(4, parts[parts.length - 1]);
						setDetails(people, 5, company, customer);
						people.addBatch();
					}
					relations.setString(1, company);
					relations.setString(2, (String) customer.get("no"));
					relations.addBatch();
					if ((i + 1) % 1000 == 0 || i == customers.size() - 1) {
						companies.executeBatch();
						people.executeBatch();
						relations.executeBatch();
						db.commit();
					}
				}
			}
		}
		return (System.nanoTime() - started) / 1e9;
	}

	/**
	 * The company's number and name and the customer's details, as both a company and its
	 * person carry them, from parameter {@code first} on.
	 */
	private static void setDetails(PreparedStatement statement, int first, String company,
			Map<String, Object> customer) throws SQLException {
		statement.setString(first, company);
		int i = first + 1;
		for (String column : List.of("name", "address", "city", "post_code", "phone_no", "email")) {
			statement.setString(i++, (String) customer.get(column));
		}
	}

}
