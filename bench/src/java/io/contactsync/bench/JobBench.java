package io.contactsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * P1: the job "create contacts from customers" over unlinked customers, against the raw
 * limit: a set-based insert on the server of the same contact and relation rows (a company
 * per customer, a person where the customer names one, a relation per customer) into the same
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
				"rec/s", Figure.Goal.atLeast(0.40, ">= 40 % of raw set-based insert"),
				String.format("job %.1f s (guide >= 10,000 contacts/s); raw limit, the same rows set-based, %.1f s; heap in use"
						+ " %d MB before, at most %d MB while it ran (sampled every 100 ms)", seconds, n / baseline,
						heapBefore >> 20, peakHeap >> 20)));
	}

	/**
	 * Seconds for the raw limit: the rows the job makes for n customers, written set-based on
	 * the server ({@code INSERT ... SELECT} from the customers), a page of 1,000 customers per
	 * commit as the job's pages, into the same tables with the same indexes.
	 */
	private static double rawInsertSeconds(Service service, int n) throws Exception {
		long started = System.nanoTime();
		try (Connection db = service.dataSource.getConnection()) {
			db.setAutoCommit(false);
			String page = " FROM customer WHERE no BETWEEN ? AND ?";
			try (PreparedStatement companies = db.prepareStatement("INSERT INTO contact (no, type, name, company_no,"
					+ " company_name, address, city, post_code, county, phone_no, email, contact_business_relation)"
					+ " SELECT 'RAW' || no, 'COMPANY', name, 'RAW' || no, name, address, city, post_code, 'Oslo',"
					+ " phone_no, email, 'CUSTOMER'" + page);
					PreparedStatement people = db.prepareStatement("INSERT INTO contact (no, type, name, first_name,"
							+ " middle_name, surname, company_no, company_name, address, city, post_code, county, phone_no,"
							+ " email, contact_business_relation) SELECT 'RAWP' || no, 'PERSON', contact,"
							+ " split_part(contact, ' ', 1), '', regexp_replace(contact, '^.* ', ''), 'RAW' || no, name,"
							+ " address, city, post_code, 'Oslo', phone_no, email, 'CUSTOMER'" + page
							+ " AND contact <> ''");
					PreparedStatement relations = db.prepareStatement("INSERT INTO contact_business_relation"
							+ " (contact_no, contact_type, contact_standalone, business_relation_code, link_to_table,"
							+ " customer_no) SELECT 'RAW' || no, 'COMPANY', false, 'KUNDE', 'CUSTOMER', no" + page)) {
				for (int from = 1; from <= n; from += 1000) {
					String first = String.format("PA%07d", from);
					String last = String.format("PA%07d", Math.min(n, from + 999));
					for (PreparedStatement insert : List.of(companies, people, relations)) {
						insert.setString(1, first);
						insert.setString(2, last);
						insert.executeUpdate();
					}
					db.commit();
				}
			}
		}
		return (System.nanoTime() - started) / 1e9;
	}

}
