package io.contactsync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * P5: customers created through the API by 8 clients, each with the contact the sync makes
 * for it; against creating the same customers with the sync for customers off. First with
 * the customer and contact series gapless, as set up: every customer and contact number
 * drawn is checked, none twice, none skipped. Then again with both series allowing gaps
 * (switched through the API), the unsynced baseline measured anew with them: every number
 * drawn is on one row at most.
 */
final class CreateBench {

	private CreateBench() {
	}

	static List<Figure> run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		int n = size.createdRecords();
		// The demo's customer series counts in tens up to K99990, room for some 10,000
		// customers; the full size makes twice that, so the run counts in ones, as an
		// administrator would set a series up for that many.
		service.jdbc
			.sql("UPDATE number_series SET increment_by = 1 WHERE code = (SELECT customer_nos FROM numbering_setup)")
			.update();
		setCustomerCode(service, null);
		service.printTopStatements("P5 before creating");
		// Each of the four creations starts on a settled database, so that the one
		// measured second does not pay for autovacuum going through the first one's rows.
		service.settle();
		// Lock waits are sampled in both runs, so that the sampler's own queries weigh on
		// both alike.
		PatchBench.Waits plainWaits = PatchBench.Waits.sample(service);
		double plain = n / create(service, "Usynket", n, new ConcurrentLinkedQueue<>());
		plainWaits.stopAndPrint("P5 creating customers alone");
		service.printTopStatements("P5 creating customers alone");
		setCustomerCode(service, "KUNDE");
		Series customerNos = Series.of(service, "customer", "SELECT customer_nos FROM numbering_setup");
		Series contactNos = Series.of(service, "contact", "SELECT contact_nos FROM marketing_setup");
		service.settle();
		PatchBench.Waits waits = PatchBench.Waits.sample(service);
		double synced = n / create(service, "Synket", n, new ConcurrentLinkedQueue<>());
		waits.stopAndPrint("P5 creating customers with contacts");
		service.printTopStatements("P5 creating customers with contacts");
		String gaps = customerNos.check(service) + contactNos.check(service);
		if (!gaps.isEmpty()) {
			throw new IllegalStateException("P5: numbers skipped or used twice: " + gaps);
		}
		Figure gapless = new Figure("P5", "create " + n + " customers with contacts, 8 clients", synced, plain,
				"rec/s", Figure.Goal.atLeast(0.50, ">= 50 % of unsynced creation"), "gapless series: every customer and contact number drawn in"
						+ " the run is on exactly one row, in step, none skipped (checked)");
		return List.of(gapless, withGaps(service, n, customerNos.code(), contactNos.code(), plain));
	}

	/**
	 * The same creations from series that allow gaps: nothing waits for the series from
	 * the draw to the commit.
	 */
	private static Figure withGaps(Service service, int n, String customerSeries, String contactSeries,
			double plainGapless) throws Exception {
		setAllowGaps(service, customerSeries, true);
		setAllowGaps(service, contactSeries, true);
		try {
			setCustomerCode(service, null);
			String customersBefore = lastNoShown(service, customerSeries);
			service.settle();
			PatchBench.Waits plainWaits = PatchBench.Waits.sample(service);
			double plain = n / create(service, "Usynket Hull", n, new ConcurrentLinkedQueue<>());
			plainWaits.stopAndPrint("P5 creating customers alone, series allowing gaps");
			service.printTopStatements("P5 creating customers alone, series allowing gaps");
			setCustomerCode(service, "KUNDE");
			String contactsBefore = lastNoShown(service, contactSeries);
			ConcurrentLinkedQueue<JsonNode> made = new ConcurrentLinkedQueue<>();
			service.settle();
			PatchBench.Waits waits = PatchBench.Waits.sample(service);
			double synced = n / create(service, "Synket Hull", n, made);
			waits.stopAndPrint("P5 creating customers with contacts, series allowing gaps");
			service.printTopStatements("P5 creating customers with contacts, series allowing gaps");
			String twice = onOneRowAtMost(service, "customer", customersBefore, lastNoShown(service, customerSeries),
					2 * n)
					+ onOneRowAtMost(service, "contact", contactsBefore, lastNoShown(service, contactSeries),
							n + (n + 1) / 2);
			if (!twice.isEmpty() || made.stream().map(c -> c.get("no").asString()).distinct().count() != n) {
				throw new IllegalStateException("P5: numbers used twice with gaps allowed: " + twice);
			}
			// The baseline is the unsynced creation from the same series, so that the ratio is
			// what the sync costs; against the gapless unsynced rate above it is printed too.
			return new Figure("P5", "the same, series allowing gaps (unsynced again with them)", synced, plain,
					"rec/s", Figure.Goal.atLeast(0.80, ">= 80 % of unsynced creation"),
					String.format("series allowing gaps: no customer or contact number drawn in the run is on two"
							+ " rows (checked); %.2f of the gapless unsynced rate", synced / plainGapless));
		}
		finally {
			setAllowGaps(service, customerSeries, false);
			setAllowGaps(service, contactSeries, false);
		}
	}

	private static void setAllowGaps(Service service, String series, boolean allow) throws Exception {
		service.call("PATCH", "/api/v1/number-series/" + series, Map.of("allowGaps", allow));
	}

	/** The series' last number as the API shows it: for one that allows gaps, its sequence's. */
	private static String lastNoShown(Service service, String series) throws Exception {
		return service.call("GET", "/api/v1/number-series/" + series, null).get("lastNoUsed").asString();
	}

	/**
	 * Checks that the numbers after {@code after} up to {@code upTo} are on one row at most,
	 * and that the rows are as many as were made ({@code expected}); prints how many numbers
	 * the series left out (a creation rolled back; none in a run where all succeed).
	 */
	private static String onOneRowAtMost(Service service, String table, String after, String upTo, int expected) {
		Map<String, Object> counted = service.jdbc
			.sql("SELECT count(*) AS rows, count(DISTINCT no) AS nos FROM " + table
					+ " WHERE no > ? AND no <= ? AND length(no) = length(?)")
			.params(after, upTo, upTo)
			.query()
			.singleRow();
		long rows = ((Number) counted.get("rows")).longValue();
		long nos = ((Number) counted.get("nos")).longValue();
		long span = Series.digits(upTo) - Series.digits(after);
		System.out.printf("P5 with gaps: %s after %s up to %s, %d rows, %d distinct numbers, %d numbers left out%n",
				table, after, upTo, rows, nos, span - nos);
		if (rows != nos) {
			return table + ": " + (rows - nos) + " numbers on two rows; ";
		}
		if (rows != expected) {
			return table + ": " + expected + " made, " + rows + " rows carry numbers of the run; ";
		}
		return "";
	}

	private static double create(Service service, String name, int n, ConcurrentLinkedQueue<JsonNode> made)
			throws Exception {
		AtomicInteger next = new AtomicInteger();
		List<Thread> clients = new ArrayList<>();
		List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		for (int c = 0; c < PatchBench.CLIENTS; c++) {
			Thread client = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < n) {
					try {
						made.add(service.call("POST", "/api/v1/customers", Map.of("name", name + " " + i + " AS",
								"phoneNo", "33" + String.format("%06d", i % 1_000_000), "contact", i % 2 == 0 ? "Ola " + i + " Nordmann" : "")));
					}
					catch (Exception ex) {
						failures.add(ex);
					}
				}
			});
			client.start();
			clients.add(client);
		}
		for (Thread client : clients) {
			client.join();
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException(failures.size() + " creations failed", failures.get(0));
		}
		return (System.nanoTime() - started) / 1e9;
	}

	private static void setCustomerCode(Service service, String code) throws Exception {
		Service.setMarketing(service, "businessRelationCodeForCustomers", code);
	}

	/**
	 * A number series as it stood before the run: every number it gave out during the run
	 * must be on exactly one row, none skipped.
	 */
	record Series(String table, String code, String lastBefore, int increment) {

		static Series of(Service service, String table, String codeQuery) {
			String code = service.jdbc.sql(codeQuery).query(String.class).single();
			Map<String, Object> row = service.jdbc
				.sql("SELECT last_no_used, increment_by FROM number_series WHERE code = ?")
				.param(code)
				.query()
				.singleRow();
			return new Series(table, code, (String) row.get("last_no_used"), ((Number) row.get("increment_by")).intValue());
		}

		String check(Service service) {
			String lastAfter = service.jdbc.sql("SELECT last_no_used FROM number_series WHERE code = ?")
				.param(code)
				.query(String.class)
				.single();
			List<String> nos = service.jdbc
				.sql("SELECT no FROM " + table + " WHERE no > ? AND no <= ? AND length(no) = length(?) ORDER BY no")
				.params(lastBefore, lastAfter, lastAfter)
				.query(String.class)
				.list();
			long expected = (digits(lastAfter) - digits(lastBefore)) / increment;
			if (nos.size() != expected) {
				return table + ": " + expected + " numbers drawn, " + nos.size() + " rows carry them; ";
			}
			for (int i = 0; i < nos.size(); i++) {
				if (digits(nos.get(i)) != digits(lastBefore) + (long) (i + 1) * increment) {
					return table + ": " + nos.get(i) + " out of step; ";
				}
			}
			return "";
		}

		private static long digits(String no) {
			return Long.parseLong(no.replaceAll("^\\D+", ""));
		}

	}

}
