package io.contactsync.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * P3: the P2 PATCH, {@code GET /contacts/{no}} of a contact picked at random, and the search,
 * each timed one after another at a small and a large number of linked contact-customer
 * pairs; the ratio of their medians says how each cost grows. The search is timed twice: for
 * a name ten contacts have at either size (what a user looks up: the figure of P3), and for
 * a word that a thousandth of the contacts have, whose matches grow with the table (shown
 * beside it, for how that cost grows). With them, D1: creating a company with
 * the duplicate search on (strings kept for every company, autosearch answering in the
 * response), at both sizes. The plans of both searches at the large size are printed. Untimed
 * rounds at the small size warm the service up until the JIT is quiet ({@link JitWarmUp}),
 * so that both sizes are timed on compiled code: a size timed while the JIT still works
 * looks slower than it is. After each timed load, the statements that took the database's
 * time are printed with their buffers per call: the part of a cost that grows with the
 * data in the database, and whether it is memory (hit) or reads.
 */
final class GrowthBench {

	/** A name ten contacts have, whatever the size. */
	static final String NAME = "Qvistbakken";

	private GrowthBench() {
	}

	/**
	 * Each timed load runs this many rounds and the lowest of their medians counts: the
	 * machine's own pace drifts by up to twice from one minute to the next (a request that
	 * does not reach the database took from 0.4 to 0.9 ms between the warm-up's rounds),
	 * and one round at one size can fall into a slow minute. Both sizes are timed alike.
	 */
	private static final int ROUNDS = 3;

	/** A request that reaches no database: the machine's pace beside the calls timed. */
	private static final String PACE = "/actuator/health/liveness";

	record Medians(double patch, double get, double search, double shareSearch, double create, double pace) {
	}

	static List<Figure> run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		Service.setMarketing(service, "autosearchForDuplicates", true);
		String linked = PatchBench.linkedCompany(service, "Vekst AS");
		String word = Data.searchWord(service.jdbc);
		for (int i = 1; i <= 10; i++) {
			service.call("POST", "/api/v1/contacts", Map.of("name", NAME + " " + i + " AS", "city", "Voss"));
		}
		long start = System.nanoTime();
		Data.linkedPairs(service.jdbc, "G", 1, size.smallRows());
		System.out.printf("P3: %,d linked pairs made in %.1f s%n", size.smallRows(), (System.nanoTime() - start) / 1e9);
		String warmUp = JitWarmUp.run(() -> measure(service, linked, word, size.smallRows(), size.samples(), "warm-up"),
				size.jitSettling());
		System.out.println("P3: " + warmUp);
		// The warm-up's creations are in the trigram index's pending list, which every
		// search reads through until VACUUM merges it: settled, as the large size is after
		// its growth, and as a system stands day to day. Then the connections are renewed
		// as at the large size (below).
		service.settle();
		service.renewConnections();
		Medians small = measure(service, linked, word, size.smallRows(), size.samples(), "");
		start = System.nanoTime();
		Data.linkedPairs(service.jdbc, "G", size.smallRows() + 1, size.largeRows());
		System.out.printf("P3: grown to %,d linked pairs in %.1f s%n", size.largeRows(),
				(System.nanoTime() - start) / 1e9);
		// The application's connections were opened before the growth, and each keeps the
		// custom-plan costs PostgreSQL saw then: against them the generic plan of a
		// statement looks dear, and the search's gathering is planned anew at every call
		// (0.4 to 0.5 ms) for a thousand calls or more. A system of that size opened its
		// connections at it (the pool renews them every half hour).
		service.renewConnections();
		Medians large = measure(service, linked, word, size.largeRows(), size.samples(), "");
		String plan = plan(service, NAME);
		String sharePlan = plan(service, word);
		System.out.println("P3: plan of the search for a name ten contacts have, at " + size.largeRows()
				+ " contacts:\n" + plan);
		System.out.println("P3: plan of the search for a word a thousandth of the contacts have, at "
				+ size.largeRows() + " contacts:\n" + sharePlan);
		// Below some tens of thousands of rows a scan is cheaper, and rightly chosen. At the
		// full size a rare name must come from the trigram index, and no search may read
		// the whole table.
		if (size.largeRows() >= 100_000 && !plan.contains("contact_search")) {
			throw new IllegalStateException("P3: the search does not use the trigram index:\n" + plan);
		}
		if (size.largeRows() >= 100_000 && (plan.contains("Seq Scan") || sharePlan.contains("Seq Scan"))) {
			throw new IllegalStateException("P3: a search reads the whole table:\n" + plan + "\n" + sharePlan);
		}
		String sizes = String.format("%,d vs %,d contacts", size.largeRows(), size.smallRows());
		List<Figure> figures = new ArrayList<>();
		figures.add(new Figure("P3", "PATCH linked contact, median, " + sizes, large.patch(), small.patch(), "ms",
				Figure.Goal.atMost(1.3, "ratio <= 1.3"), ""));
		figures.add(new Figure("P3", "GET /contacts/{no} (random), median, " + sizes, large.get(), small.get(), "ms",
				Figure.Goal.atMost(1.3, "ratio <= 1.3"),
				String.format("the machine's pace beside it: GET %s (no database) took %.2f ms at the large size,"
						+ " %.2f ms at the small one", PACE, large.pace(), small.pace())));
		figures.add(new Figure("P3", "GET /contacts?q=<name of 10>&limit=50, median, " + sizes, large.search(),
				small.search(), "ms", Figure.Goal.atMost(1.3, "ratio <= 1.3, on an index"),
				"the search's plan uses " + (plan.contains("contact_search") ? "the trigram index contact_search"
						: "no trigram index") + "; both plans printed above the table"));
		figures.add(new Figure("P3", "GET /contacts?q=<word of 1/1000>&limit=50, median, " + sizes,
				large.shareSearch(), small.shareSearch(), "ms", Figure.Goal.atMost(2.0, "ratio <= 2.0 (matches grow)"),
				String.format("a word a thousandth of the contacts have matches %,d contacts at the small size and"
						+ " %,d at the large one; its plan: the first 1,000 contacts along the key, the rest ",
						size.smallRows() / 1000, size.largeRows() / 1000)
						+ (sharePlan.contains("contact_search") ? "from the trigram index contact_search"
								: "without the trigram index")));
		figures.add(new Figure("D1", "POST company, duplicate search on, median, " + sizes, large.create(),
				small.create(), "ms", "within P2 latency (p99 <= 20 ms)", ""));
		return figures;
	}

	private static Medians measure(Service service, String linked, String word, int rows, int samples, String pass)
			throws Exception {
		boolean timed = pass.isEmpty();
		Phase phase = (what, load) -> {
			if (!timed) {
				return Load.median(samples, load);
			}
			service.forgetStatements();
			List<Double> medians = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				int first = round * (samples + Load.UNTIMED);
				medians.add(Load.median(samples, i -> load.send(first + i)));
			}
			service.printTopStatements(String.format("P3 %s at %,d (rounds' medians %s ms; the lowest counts)", what,
					rows, medians.stream().map(m -> String.format("%.2f", m)).toList()));
			return Collections.min(medians);
		};
		double patch = phase.median("PATCH",
				i -> service.call("PATCH", "/api/v1/contacts/" + linked, Map.of("phoneNo", "4" + (1_000_000 + i))));
		double get = phase.median("GET", i -> service.call("GET",
				"/api/v1/contacts/G" + "C" + String.format("%07d", ThreadLocalRandom.current().nextInt(1, rows + 1)),
				null));
		double pace = phase.median("pace", i -> service.call("GET", PACE, null));
		double search = phase.median("search for a name", i -> search(service, NAME));
		double shareSearch = phase.median("search for a word", i -> search(service, word));
		// The warm-up's rounds, however many, must leave the data of the timed ones as they
		// found it: their names, addresses and phones are random (so no duplicates for the
		// timed creations to find, nor for each other) and without the searched word.
		String tag = rows + "x";
		double create = phase.median("create", i -> {
			int n = timed ? i : ThreadLocalRandom.current().nextInt(1_000_000);
			String name = timed ? "Ny " + tag + i + " " + word : "W" + UUID.randomUUID();
			service.call("POST", "/api/v1/contacts", Map.of("name", name, "address", "Gate " + n, "city", "Oslo",
					"postCode", "0150", "phoneNo", "24" + String.format("%06d", n % 1_000_000)));
		});
		System.out.printf(
				"P3 at %,d%s: PATCH %.2f ms, GET %.2f ms, search for a name %.2f ms, for a word of 1/1000 %.2f ms,"
						+ " create %.2f ms, a request without the database %.2f ms (medians of %d)%n",
				rows, pass.isEmpty() ? "" : " (" + pass + ", not used)", patch, get, search, shareSearch, create, pace,
				samples);
		return new Medians(patch, get, search, shareSearch, create, pace);
	}

	/** One timed load of {@link #measure}. */
	@FunctionalInterface
	private interface Phase {

		double median(String what, Load.Request load) throws Exception;

	}

	private static void search(Service service, String word) throws Exception {
		int found = service
			.call("GET", "/api/v1/contacts?limit=50&q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), null)
			.get("items")
			.size();
		if (found == 0) {
			throw new IllegalStateException("the search for " + word + " found nothing");
		}
	}

	/**
	 * The plans PostgreSQL chooses for the two statements the API's search sends for a word
	 * that does not fill the page within the first 1,000 contacts: the first walk along
	 * the key, and the gathering of the rest (docs/rules.md, "Search"). Both as WordSearch
	 * sends them, but that the gathering is shown on its own, without the reading of the
	 * walk's matches beside it, and from the 1,000th contact on.
	 */
	private static String plan(Service service, String word) {
		String match = "search_text LIKE (SELECT '%' || search_key(?) || '%')";
		List<String> firstWalk = service.jdbc
			.sql("EXPLAIN SELECT * FROM (SELECT no, " + match + " AS hit, row_number() OVER (ORDER BY no) AS walked"
					+ " FROM (SELECT no, search_text FROM contact ORDER BY no LIMIT 1000) w) p"
					+ " WHERE hit OR walked = 1000 ORDER BY no LIMIT 52")
			.param(word)
			.query(String.class)
			.list();
		String walkedTo = service.jdbc.sql("SELECT no FROM contact ORDER BY no OFFSET 999 LIMIT 1")
			.query(String.class)
			.single();
		List<String> gather = service.jdbc
			.sql("EXPLAIN SELECT * FROM contact WHERE ctid = ANY(ARRAY(SELECT ctid FROM (SELECT ctid, no FROM contact"
					+ " WHERE no > ? AND " + match + " OFFSET 0) m ORDER BY no LIMIT 51))")
			.params(walkedTo, word)
			.query(String.class)
			.list();
		return "first walk:\n" + String.join("\n", firstWalk) + "\nthe rest:\n" + String.join("\n", gather);
	}

}
