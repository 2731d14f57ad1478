package io.contactsync.bench;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

/**
 * E1: every contact exported as one CSV file through the API ({@code GET /api/v1/contacts}
 * with {@code Accept: text/csv}, streamed as it is written), against reading the same
 * contacts through the JSON list page by page (1,000 a page, the most a page holds), on
 * the same server in the same run. N linked company contacts (as P1's records: 2,000 small,
 * 100,000 full) are made with SQL on a server of their own, beside the demo company's. An
 * untimed round of each comes first, to warm the JIT and the caches alike. The figure is
 * the export's time; the target is at most twice the paging's.
 */
final class ExportBench {

	private ExportBench() {
	}

	static Figure run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		int n = size.jobRecords();
		Data.linkedPairs(service.jdbc, "EX", 1, n);
		long contacts = service.jdbc.sql("SELECT count(*) FROM contact").query(Long.class).single();
		page(service);
		export(service);

		long started = System.nanoTime();
		long paged = page(service);
		double pagingSeconds = (System.nanoTime() - started) / 1e9;
		started = System.nanoTime();
		long[] exported = export(service);
		double exportSeconds = (System.nanoTime() - started) / 1e9;

		if (paged != contacts || exported[0] != contacts + 1) {
			throw new IllegalStateException("E1: " + contacts + " contacts, but the pages held " + paged
					+ " and the export " + (exported[0] - 1) + " lines after its header");
		}
		return new Figure("E1", "export of " + contacts + " contacts as CSV, seconds", exportSeconds, pagingSeconds,
				"s", Figure.Goal.atMost(2.0, "<= 2 x paging the JSON list"),
				String.format("export %.2f s (%.1f MB, %.0f contacts/s); the JSON list page by page %.2f s"
						+ " (%.0f contacts/s, %d pages); every contact in both (checked)", exportSeconds,
						exported[1] / 1e6, contacts / exportSeconds, pagingSeconds, contacts / pagingSeconds,
						(contacts + 999) / 1000));
	}

	/** Reads every contact through the list, page by page: how many. */
	private static long page(Service service) throws Exception {
		long count = 0;
		String cursor = null;
		do {
			JsonNode page = service.call("GET",
					"/api/v1/contacts?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor), null);
			count += page.get("items").size();
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return count;
	}

	/** Downloads the export, counting its lines and bytes as they come. */
	private static long[] export(Service service) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/contacts"))
			.timeout(Duration.ofMinutes(10))
			.header("Authorization", "Bearer " + service.token)
			.header("Accept", "text/csv")
			.GET()
			.build();
		HttpResponse<InputStream> response = service.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("E1: the export answered " + response.statusCode());
		}
		long lines = 0;
		long bytes = 0;
		try (InputStream body = response.body()) {
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = body.read(buffer)) > 0) {
				bytes += read;
				for (int i = 0; i < read; i++) {
					lines += buffer[i] == '\n' ? 1 : 0;
				}
			}
		}
		return new long[] { lines, bytes };
	}

}
