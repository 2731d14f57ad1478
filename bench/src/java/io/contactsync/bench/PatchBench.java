package io.contactsync.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * P2: PATCH of one synced field (the phone) of a company contact linked to a customer, a
 * vendor and a bank account, over HTTP from 8 clients, each on a contact of its own; and the
 * same PATCH of unlinked company contacts. Both against the stack's floor in the same run: an
 * authenticated GET of a small contact through the same server and load generator.
 */
final class PatchBench {

	static final int CLIENTS = 8;

	/** How many turns the floor and the two PATCHes take. */
	private static final int ROUNDS = 3;

	private PatchBench() {
	}

	static List<Figure> run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		List<String> linked = new ArrayList<>();
		List<String> unlinked = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			linked.add(linkedCompany(service, "Lenket " + i + " AS"));
			unlinked.add(service.call("POST", "/api/v1/contacts", Map.of("name", "Frittstående " + i + " AS"))
				.get("no")
				.asString());
		}
		Duration warmUp = Duration.ofSeconds(Math.max(1, size.patchSeconds() / 3));
		Duration round = Duration.ofMillis(Math.max(1000, size.patchSeconds() * 1000L / ROUNDS));
		// The floor: what the stack (HTTP, the bearer token, the controller, one read) does
		// when a request asks for almost nothing, through the same server and load generator.
		Kind floor = new Kind((client, i) -> service.request("/api/v1/contacts/" + unlinked.get(client))
			.GET()
			.build());
		Kind plain = new Kind((client, i) -> patch(service, unlinked.get(client), i));
		Kind synced = new Kind((client, i) -> patch(service, linked.get(client), i));
		List<Kind> kinds = List.of(floor, plain, synced);
		String warm = JitWarmUp.run(() -> {
			for (Kind kind : kinds) {
				Load.run(CLIENTS, warmUp, Duration.ZERO, kind.request);
			}
		}, size.jitSettling());
		// The three take turns, each first, second and third once, so that what the machine
		// does beside them (autovacuum, a checkpoint, the JIT) weighs on all three alike:
		// measured one after the other, the PATCH of unlinked contacts, next after the
		// floor, read 0.28-0.32 of it in full runs, with an autovacuum worker going through
		// P1's rows during its turn, and 0.41-0.49 in others.
		service.printTopStatements("P2, the warm-ups");
		Waits waits = Waits.sample(service);
		long compiledBefore = JitWarmUp.compilationMillis();
		for (int r = 0; r < ROUNDS; r++) {
			for (int k = 0; k < kinds.size(); k++) {
				Kind kind = kinds.get((r + k) % kinds.size());
				long offset = 1_000_000L * (r + 1);
				kind.runs.add(Load.run(CLIENTS, Duration.ZERO, round,
						(client, i) -> kind.request.apply(client, offset + i)));
			}
		}
		String compiled = JitWarmUp.since(compiledBefore, ROUNDS * kinds.size() * round.toMillis() / 1e3);
		waits.stopAndPrint("P2 PATCHes and GETs");
		service.printTopStatements("P2, the GETs and PATCHes taking turns");
		printLockPlan(service);
		Load.Result floorResult = floor.result();
		Load.Result syncedResult = synced.result();
		Load.Result plainResult = plain.result();
		String floorNote = "; the floor, GET /contacts/{no} of a small contact: " + floorResult + "; each in "
				+ ROUNDS + " turns of " + round.toMillis() / 1e3 + " s after a " + warm + compiled;
		return List.of(
				new Figure("P2", "PATCH phone of a contact linked 3 ways, 8 conn., vs GET", syncedResult.perSecond(),
						floorResult.perSecond(), "req/s", Figure.Goal.atLeast(0.25, ">= 25 % of GET floor"),
						"linked: " + syncedResult + turns(synced) + floorNote + turns(floor) + " (guide >= 1,000 req/s, p99 <= 20 ms)"),
				new Figure("P2", "PATCH phone of an unlinked contact, 8 conn., vs GET", plainResult.perSecond(),
						floorResult.perSecond(), "req/s", Figure.Goal.atLeast(0.40, ">= 40 % of GET floor"),
						"unlinked: " + plainResult + turns(plain)));
	}

	/** One of the loads that take turns, and what each of its turns measured. */
	private record Kind(BiFunction<Integer, Long, HttpRequest> request, List<Load.Result> runs) {

		Kind(BiFunction<Integer, Long, HttpRequest> request) {
			this(request, new ArrayList<>());
		}

		Load.Result result() {
			return Load.Result.of(runs);
		}

	}

	private static String turns(Kind kind) {
		return kind.runs.stream()
			.map(run -> String.format("%.0f", run.perSecond()))
			.collect(Collectors.joining(", ", " (turns: ", " req/s)"));
	}

	/**
	 * What the sessions that wait for a lock wait for, and who holds it: sampled every 20 ms
	 * while the load runs, counted by kind.
	 */
	static final class Waits {

		private final Map<String, Integer> seen = new ConcurrentHashMap<>();

		private final Thread sampler;

		private volatile boolean running = true;

		private Waits(Service service) {
			this.sampler = new Thread(() -> {
				while (running) {
					service.jdbc
						.sql("SELECT l.locktype || ' ' || l.mode || ' on ' || coalesce(l.relation::regclass::text, '-')"
								+ " || ' | waiting: ' || left(regexp_replace(a.query, '\\s+', ' ', 'g'), 70)"
								+ " || ' | held by: ' || coalesce((SELECT left(regexp_replace(b.query, '\\s+', ' ', 'g'), 70)"
								+ " || ' (' || b.state || ')' FROM pg_stat_activity b"
								+ " WHERE b.pid = (pg_blocking_pids(a.pid))[1] LIMIT 1), '?')"
								+ " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted")
						.query(String.class)
						.list()
						.forEach(wait -> seen.merge(wait, 1, Integer::sum));
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampler.setDaemon(true);
			sampler.start();
		}

		static Waits sample(Service service) {
			return new Waits(service);
		}

		void stopAndPrint(String title) throws InterruptedException {
			running = false;
			sampler.join();
			System.out.println(title + ", lock waits seen (samples every 20 ms):");
			seen.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.limit(6)
				.forEach(entry -> System.out.printf("  %6d  %s%n", entry.getValue(), entry.getKey()));
		}

	}

	/**
	 * The plan of the lock a change of a vendor takes on its contact first, as the service
	 * runs it: a prepared statement, after the executions that let PostgreSQL switch to a
	 * generic plan.
	 */
	private static void printLockPlan(Service service) throws Exception {
		String vendorNo = service.jdbc.sql("SELECT no FROM vendor WHERE contact_no IS NOT NULL ORDER BY no DESC LIMIT 1")
			.query(String.class)
			.single();
		try (Connection connection = service.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("PREPARE lock_first(varchar) AS SELECT no FROM contact"
					+ " WHERE no = (SELECT contact_no FROM vendor WHERE no = $1) FOR UPDATE");
			for (int i = 0; i < 6; i++) {
				statement.execute("EXECUTE lock_first('" + vendorNo + "')");
			}
			System.out.println("P2: plan of a vendor's lock on its contact, prepared, 7th execution:");
			try (ResultSet plan = statement
				.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE lock_first('" + vendorNo + "')")) {
				while (plan.next()) {
					System.out.println("  " + plan.getString(1));
				}
			}
			statement.execute("DEALLOCATE lock_first");
		}
	}

	/** A company contact linked to a customer, a vendor and a bank account. */
	static String linkedCompany(Service service, String name) throws Exception {
		String contact = service.call("POST", "/api/v1/customers", Map.of("name", name))
			.get("contactNo")
			.asString();
		service.call("POST", "/api/v1/contacts/" + contact + "/create-vendor", Map.of());
		service.call("POST", "/api/v1/contacts/" + contact + "/create-bank-account", Map.of());
		return contact;
	}

	static HttpRequest patch(Service service, String contactNo, long i) {
		return service.request("/api/v1/contacts/" + contactNo)
			.header("If-Match", "*")
			.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"phoneNo\":\"" + (10_000_000 + i) + "\"}"))
			.build();
	}

}
