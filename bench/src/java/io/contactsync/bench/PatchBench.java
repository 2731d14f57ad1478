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

/**
 * P2: PATCH of one synced field (the phone) of a company contact linked to a customer, a
 * vendor and a bank account, over HTTP from 8 clients, each on a contact of its own; and the
 * same PATCH of unlinked company contacts. Both against the stack's floor in the same run: an
 * authenticated GET of a small contact through the same server and load generator.
 */
final class PatchBench {

	static final int CLIENTS = 8;

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
		Duration measured = Duration.ofSeconds(size.patchSeconds());
		// The floor: what the stack (HTTP, the bearer token, the controller, one read) does
		// when a request asks for almost nothing, through the same server and load generator.
		Load.Result floor = Load.run(CLIENTS, warmUp, measured,
				(client, i) -> service.request("/api/v1/contacts/" + unlinked.get(client)).GET().build());
		service.printTopStatements("P2 before the PATCHes");
		// Lock waits are sampled in both runs, so that the sampler's own queries weigh on
		// both alike.
		Waits plainWaits = Waits.sample(service);
		Load.Result plain = Load.run(CLIENTS, warmUp, measured, (client, i) -> patch(service, unlinked.get(client), i));
		plainWaits.stopAndPrint("P2 PATCH of unlinked contacts");
		service.printTopStatements("P2 PATCH of unlinked contacts");
		Waits waits = Waits.sample(service);
		Load.Result synced = Load.run(CLIENTS, warmUp, measured, (client, i) -> patch(service, linked.get(client), i));
		waits.stopAndPrint("P2 PATCH of linked contacts");
		service.printTopStatements("P2 PATCH of linked contacts");
		printLockPlan(service);
		String floorNote = "; the floor, GET /contacts/{no} of a small contact: " + floor;
		return List.of(
				new Figure("P2", "PATCH phone of a contact linked 3 ways, 8 conn., vs GET", synced.perSecond(),
						floor.perSecond(), "req/s", Figure.Goal.atLeast(0.25, ">= 25 % of GET floor"),
						"linked: " + synced + floorNote + " (guide >= 1,000 req/s, p99 <= 20 ms)"),
				new Figure("P2", "PATCH phone of an unlinked contact, 8 conn., vs GET", plain.perSecond(),
						floor.perSecond(), "req/s", Figure.Goal.atLeast(0.40, ">= 40 % of GET floor"),
						"unlinked: " + plain));
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
