package io.contactsync.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * P6: an import of N customers from a CSV file (N as P1's records), each created through
 * the customer service as an API creation is, so that the sync makes its contact (and a
 * person where the row names one) in the same transaction, with the change log and the
 * import's own bookkeeping; timed from the run's {@code startedAt} to its
 * {@code finishedAt}. The baseline is P1's rate: the contacts job over as many customers,
 * measured against the same server in the same run. When the suite runs P1 too, its
 * figure is taken; otherwise this runs P1 itself first (and its line is in the table). The
 * heap is sampled while the import runs, to show that it stays flat: the file's rows are
 * read a page at a time from the database, never all at once.
 */
final class ImportBench {

	private ImportBench() {
	}

	/**
	 * @param p1 P1's figure from the same run, or null to measure it here
	 */
	static List<Figure> run(Service service, BenchmarkSuiteTest.Size size, Figure p1) throws Exception {
		int n = size.jobRecords();
		List<Figure> figures = new ArrayList<>();
		String baselineFrom = "P1 of the same run";
		if (p1 == null) {
			p1 = JobBench.run(service, size).get(0);
			figures.add(p1);
			baselineFrom = "P1 run by P6 itself (P1 not chosen)";
		}
		// Number series with room for the full size (the demo's count in tens to K99990), as an
		// administrator would set them up for an import of that many; the sync for customers on.
		service.jdbc.sql("INSERT INTO number_series (code, description, starting_no, ending_no, increment_by)"
				+ " VALUES ('P6KUNDE', 'P6 customers', 'IK0000001', 'IK9999999', 1),"
				+ " ('P6KONTAKT', 'P6 contacts', 'IC0000001', 'IC9999999', 1) ON CONFLICT DO NOTHING")
			.update();
		service.jdbc.sql("UPDATE numbering_setup SET customer_nos = 'P6KUNDE'").update();
		service.jdbc.sql("UPDATE marketing_setup SET contact_nos = 'P6KONTAKT'").update();
		Service.setMarketing(service, "businessRelationCodeForCustomers", "KUNDE");

		Path file = Files.createTempFile("p6-customers-", ".csv");
		try {
			write(file, n);
			long uploadStarted = System.nanoTime();
			JsonNode uploaded = upload(service, file);
			double uploadSeconds = (System.nanoTime() - uploadStarted) / 1e9;
			long id = uploaded.get("id").asLong();
			if (uploaded.get("rows").asInt() != n) {
				throw new IllegalStateException("P6: the upload read " + uploaded.get("rows") + " rows, not " + n);
			}
			// Matched by e-mail, as guessed from the E-post column; only created.
			JsonNode chosen = service.call("PUT", "/api/v1/imports/" + id + "/settings", Map.of("mode", "CREATE_ONLY"));
			String matchBy = chosen.get("matchBy").asString();
			service.printTopStatements("P6 before the import");

			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			System.gc();
			long heapBefore = memory.getHeapMemoryUsage().getUsed();
			JsonNode submitted = service.call("POST", "/api/v1/imports/" + id + "/run", null);
			long job = submitted.get("id").asLong();
			long peakHeap = 0;
			JsonNode done;
			while (true) {
				peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
				done = service.call("GET", "/api/v1/jobs/" + job, null);
				String status = done.get("status").asString();
				if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
					break;
				}
				Thread.sleep(100);
			}
			System.gc();
			long heapAfter = memory.getHeapMemoryUsage().getUsed();
			service.printTopStatements("P6 import");
			// Each row was matched by its e-mail address (the guess for a file with an
			// E-post column): the lookup's plan, which must be on the index.
			System.out.println("P6 the lookup of a row by e-mail address:");
			service.jdbc
				.sql("EXPLAIN (ANALYZE, COSTS OFF) SELECT no FROM customer WHERE string_to_array(replace(lower(email),"
						+ " ' ', ''), ';') @> ARRAY[lower(CAST(? AS text))] ORDER BY no LIMIT 2")
				.param("import" + n + "@firma.no")
				.query(String.class)
				.list()
				.forEach(line -> System.out.println("  " + line));
			if (!done.get("status").asString().equals("SUCCEEDED") || done.get("created").asLong() != n
					|| done.get("failed").asLong() != 0) {
				throw new IllegalStateException("P6: the import did not create " + n + " customers: " + done);
			}
			long contacts = service.jdbc
				.sql("SELECT count(*) FROM customer c JOIN contact k ON k.no = c.contact_no"
						+ " WHERE c.no LIKE 'IK%' AND k.type = 'COMPANY'")
				.query(Long.class)
				.single();
			if (contacts != n) {
				throw new IllegalStateException("P6: " + contacts + " of " + n + " customers have their contact");
			}
			double seconds = Duration
				.between(Instant.parse(done.get("startedAt").asString()),
						Instant.parse(done.get("finishedAt").asString()))
				.toNanos() / 1e9;
			figures.add(new Figure("P6", "import of " + n + " customers with contacts from CSV, records/s", n / seconds,
					p1.figure(), "rec/s", Figure.Goal.atLeast(0.50, ">= 50 % of P1's job rate"),
					String.format("run %.1f s; upload of the %.1f MB file (read into the database) %.1f s before it;"
							+ " matched by %s; every customer has its company contact (checked); baseline %s; heap in use %d MB"
							+ " before, at most %d MB while it ran (sampled every 100 ms), %d MB after", seconds,
							Files.size(file) / 1e6, uploadSeconds, matchBy, baselineFrom, heapBefore >> 20, peakHeap >> 20,
							heapAfter >> 20)));
			return figures;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * The customers P1's job gets, as a Norwegian spreadsheet has them: a third name a
	 * contact person.
	 */
	private static void write(Path file, int n) throws Exception {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("Navn;Adresse;Postnr.;Poststed;Telefon;E-post;Kontaktperson\r\n");
			for (int i = 1; i <= n; i++) {
				// a word that a thousandth of the names share, as P1's customers have
				out.write("Import " + i + " " + Integer.toHexString((i % 1000) * 0x9E3779B1) + " AS;Gate "
						+ i + ";0150;Oslo;+47 2" + String.format("%07d", i) + ";import" + i + "@firma.no;"
						+ (i % 3 == 0 ? "Kari " + i + " Nordmann" : "") + "\r\n");
			}
		}
	}

	private static JsonNode upload(Service service, Path file) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/imports?kind=CUSTOMER&fileName=p6.csv"))
			.timeout(Duration.ofMinutes(10))
			.header("Authorization", "Bearer " + service.token)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofFile(file))
			.build();
		HttpResponse<String> response = service.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("P6: the upload answered " + response.statusCode() + ": " + response.body());
		}
		return Service.JSON.readTree(response.body());
	}

}
