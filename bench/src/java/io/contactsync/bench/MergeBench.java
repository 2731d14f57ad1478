package io.contactsync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * M1: a merge of two companies through the API, each with {@code mergeRows} documents and
 * as many interactions (1,000 each at full size), timed from the request to the answer.
 * The merged company's documents and interactions move to the survivor, each with its
 * change-log entry and event: the figure is the time per 100 rows moved, set beside P2's
 * latency guide (p99 ≤ 20 ms for one synced PATCH) as a guide, not a ratio. The rows are
 * made with SQL, as an import or years of use would leave them; the contacts through the
 * API. Three merges, after one smaller one that warms the JIT; the median is the figure.
 * Beside each, a merge of two companies with nothing to move, for the note: the part of
 * the time that does not grow with the rows.
 */
final class MergeBench {

	private static final int RUNS = 3;

	private MergeBench() {
	}

	static Figure run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		int n = size.mergeRows();
		merge(service, "MW", Math.max(5, n / 10));
		service.printTopStatements("M1 before the merges");
		List<Double> millis = new ArrayList<>();
		List<Double> empty = new ArrayList<>();
		int moved = 0;
		for (int run = 0; run < RUNS; run++) {
			Merged merged = merge(service, "M" + run, n);
			millis.add(merged.millis());
			moved = merged.moved();
			// What a merge costs with nothing to move, for the share that grows with the rows.
			empty.add(merge(service, "E" + run, 0).millis());
		}
		double fixed = empty.stream().sorted().toList().get(RUNS / 2);
		service.printTopStatements("M1 merges (with making their data)");
		List<Double> sorted = millis.stream().sorted().toList();
		double median = sorted.get(RUNS / 2);
		double per100 = median / (moved / 100.0);
		return new Figure("M1",
				"merge of 2 companies, " + n + " documents + " + n + " interactions each, ms per 100 moved rows",
				per100, 0, "ms", "guide <= 20 ms per 100 rows (P2 p99)",
				String.format("merge median %.0f ms (runs %s ms) for %d rows moved (%d documents and %d interactions"
						+ " of the merged company; the survivor's own stay); %.2f ms per 100 rows; a merge moving"
						+ " nothing %.0f ms (median), so %.2f ms per 100 rows beyond that", median,
						millis.stream().map(ms -> String.format("%.0f", ms)).toList(), moved, n, n, per100, fixed,
						(median - fixed) / (moved / 100.0)));
	}

	private record Merged(double millis, int moved) {
	}

	/** Two companies with n documents and n interactions each, merged; its time and moves. */
	private static Merged merge(Service service, String tag, int n) throws Exception {
		String survivor = company(service, "Sammenslått " + tag + " AS");
		String merged = company(service, "Sammenslått " + tag + " A/S");
		for (String contact : List.of(survivor, merged)) {
			service.jdbc
				.sql("INSERT INTO document (kind, no, document_date, contact_no, party_name, description)"
						+ " SELECT 'SALES_QUOTE', ? || lpad(n::text, 6, '0'), current_date, ?, ?, 'Tilbud ' || n"
						+ " FROM generate_series(1, ?) AS n")
				.params("Q" + contact, contact, "Sammenslått " + tag, n)
				.update();
			service.jdbc
				.sql("INSERT INTO interaction_log_entry (contact_no, contact_company_no, contact_name, date, time,"
						+ " interaction_template_code, description, information_flow, initiated_by, user_id)"
						+ " SELECT ?, ?, ?, current_date, localtime, 'TELEFON', 'Samtale ' || n, 'OUTBOUND', 'US',"
						+ " 'bench' FROM generate_series(1, ?) AS n")
				.params(contact, contact, "Sammenslått " + tag, n)
				.update();
		}
		if (n > 0) {
			service.jdbc.sql("ANALYZE document").update();
			service.jdbc.sql("ANALYZE interaction_log_entry").update();
		}
		long started = System.nanoTime();
		JsonNode done = service.call("POST", "/api/v1/contacts/merge",
				Map.of("contactNos", List.of(survivor, merged), "survivorNo", survivor));
		double millis = (System.nanoTime() - started) / 1e6;
		int moved = done.get("moves").size();
		long documents = service.jdbc.sql("SELECT count(*) FROM document WHERE contact_no = ?")
			.param(survivor)
			.query(Long.class)
			.single();
		long interactions = service.jdbc.sql("SELECT count(*) FROM interaction_log_entry WHERE contact_no = ?")
			.param(survivor)
			.query(Long.class)
			.single();
		if (moved != 2 * n || documents != 2L * n || interactions != 2L * n) {
			throw new IllegalStateException("the merge moved " + moved + " rows, the survivor has " + documents
					+ " documents and " + interactions + " interactions; expected " + 2 * n + " of each");
		}
		return new Merged(millis, moved);
	}

	private static String company(Service service, String name) throws Exception {
		return service.call("POST", "/api/v1/contacts", Map.of("type", "COMPANY", "name", name)).get("no").asString();
	}

}
