package io.contactsync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.support.Api;
import io.contactsync.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service, two processes as an operator runs them, on one PostgreSQL
 * (docs/operations.md, "Several instances"):
 * <ul>
 * <li>a token revoked through one is refused by the other, and a name locked by wrong
 * passwords through one is locked on the other;</li>
 * <li>synced changes written through both at once to both sides of the same pairs: every
 * pair agrees, and every accepted write raised both records by exactly one version;</li>
 * <li>a job running on one, which is killed (SIGKILL), is taken over by the other once
 * its lease ran out, and ends with exact counts: one contact per customer, none
 * twice.</li>
 * </ul>
 * The build runs it small; {@code -Pquality} at full size ({@code mi.pairs},
 * {@code mi.writes} a side, {@code mi.customers}).
 */
@Tag("quality")
class TwoInstancesTest {

	private static final String PASSWORD = "two-instances-password";

	private static final int PAIRS = Integer.getInteger("mi.pairs", 4);

	private static final int WRITES = Integer.getInteger("mi.writes", 25);

	private static final int CUSTOMERS = Integer.getInteger("mi.customers", 5_000);

	/** docs/security.md: five wrong passwords in a row lock a name from that address. */
	private static final int FREE_ATTEMPTS = 5;

	@Test
	void twoInstancesOnOneDatabaseAgreeOnSignInSyncAndJobs(@TempDir Path serverDir, @TempDir Path dirA,
			@TempDir Path dirB) throws Exception {
		int dbPort = ServiceProcess.freePort();
		try (EmbeddedPostgres database = EmbeddedPostgres.builder()
			.setDataDirectory(serverDir)
			.setPort(dbPort)
			.setServerConfig("listen_addresses", "localhost")
			.start()) {
			ServiceProcess a = instance(dirA, dbPort, "a");
			Api viaA = a.awaitReady(PASSWORD);
			// the second starts on the first's schema and demo company, as a new instance
			// joins a running system
			try (ServiceProcess b = instance(dirB, dbPort, "b")) {
				Api viaB = b.awaitReady(PASSWORD);
				try {
					signInIsSharedByBoth(a, b, viaA);
					syncedWritesThroughBothRaiseVersionsByOneAndPairsAgree(viaA, viaB);
					aJobOfAKilledInstanceIsTakenOverByTheOther(a, b, viaA, dbPort);
				}
				finally {
					a.kill();
				}
			}
		}
	}

	private static void signInIsSharedByBoth(ServiceProcess a, ServiceProcess b, Api viaA) {
		String user = "tvilling" + System.nanoTime() % 100_000;
		assertThat(viaA
			.post("/api/v1/users", Map.of("username", user, "password", "twin-password-1", "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);
		JsonNode issued = viaA.post("/api/v1/users/" + user + "/tokens", null).json();
		Api tokenOnB = Api.anonymous(b.port()).withToken(issued.get("token").asString());
		assertThat(tokenOnB.get("/api/v1/business-relations").status()).as("made on A, used on B").isEqualTo(200);
		assertThat(viaA.delete("/api/v1/users/" + user + "/tokens/" + issued.get("id").asLong()).status())
			.isEqualTo(204);
		assertThat(tokenOnB.get("/api/v1/business-relations").status()).as("revoked on A, refused on B").isEqualTo(401);

		for (int i = 0; i < FREE_ATTEMPTS; i++) {
			assertThat(Api.anonymous(a.port()).as(user, "guess-" + i).get("/api/v1/business-relations").status())
				.isEqualTo(401);
		}
		assertThat(Api.anonymous(b.port()).as(user, "twin-password-1").get("/api/v1/business-relations").status())
			.as("locked by wrong passwords on A, so on B too")
			.isEqualTo(401);
		assertThat(Api.anonymous(b.port()).as("admin", PASSWORD).get("/api/v1/business-relations").status())
			.as("others sign in on B as before")
			.isEqualTo(200);
	}

	/**
	 * Each pair is a customer and the contact the demo setup made for it; one client
	 * writes the customer's phone through A while another writes the contact's through B.
	 */
	private static void syncedWritesThroughBothRaiseVersionsByOneAndPairsAgree(Api viaA, Api viaB) throws Exception {
		List<JsonNode> pairs = new ArrayList<>();
		Map<String, Long> contactVersions = new ConcurrentHashMap<>();
		for (int p = 0; p < PAIRS; p++) {
			JsonNode customer = viaA.post("/api/v1/customers", Map.of("name", "Tvilling " + p + " AS")).json();
			assertThat(customer.get("contactNo").isNull()).as("the demo setup makes a contact").isFalse();
			pairs.add(customer);
			String contactNo = customer.get("contactNo").asString();
			contactVersions.put(contactNo, viaB.get("/api/v1/contacts/" + contactNo).json().get("version").asLong());
		}
		Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
		ExecutorService clients = Executors.newFixedThreadPool(Math.min(8, 2 * PAIRS));
		List<CompletableFuture<Void>> writers = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int p = 0; p < PAIRS; p++) {
				JsonNode customer = pairs.get(p);
				String pair = customer.get("no").asString();
				for (int side = 0; side < 2; side++) {
					String path = side == 0 ? "/api/v1/customers/" + pair
							: "/api/v1/contacts/" + customer.get("contactNo").asString();
					Api through = side == 0 ? viaA : viaB;
					// a valid Norwegian mobile number, other for every write of the pair
					String prefix = "+47 4" + (p % 10) + side;
					writers.add(CompletableFuture.runAsync(() -> {
						for (int i = 0; i < WRITES; i++) {
							Api.Response answer = through.header("If-Match", "*")
								.patch(path, Map.of("phoneNo", prefix + String.format("%05d", i)));
							if (answer.status() == 200) {
								accepted.computeIfAbsent(pair, k -> new AtomicInteger()).incrementAndGet();
							}
							else {
								refused.add(answer.toString());
							}
						}
					}, clients));
				}
			}
			CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			clients.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("TwoInstancesTest: %d synced writes through two instances in %.1f s (%.0f/s), %d refused%n",
				2 * PAIRS * WRITES, seconds, 2 * PAIRS * WRITES / seconds, refused.size());
		assertThat(refused).as("every write accepted: they wait for each other's row locks").isEmpty();
		for (JsonNode before : pairs) {
			String no = before.get("no").asString();
			JsonNode customer = viaB.get("/api/v1/customers/" + no).json();
			JsonNode contact = viaA.get("/api/v1/contacts/" + before.get("contactNo").asString()).json();
			int writes = accepted.get(no).get();
			assertThat(writes).isEqualTo(2 * WRITES);
			assertThat(customer.get("phoneNo").asString()).as(no + ": both sides agree")
				.isEqualTo(contact.get("phoneNo").asString());
			assertThat(customer.get("version").asLong()).as(no + ": one version a write, its own or carried")
				.isEqualTo(before.get("version").asLong() + writes);
			assertThat(contact.get("version").asLong()).as(no + "'s contact: one version a write")
				.isEqualTo(contactVersions.get(before.get("contactNo").asString()) + writes);
		}
	}

	/** The job is posted through A; whichever instance claims it is killed. */
	private static void aJobOfAKilledInstanceIsTakenOverByTheOther(ServiceProcess a, ServiceProcess b, Api viaA,
			int dbPort) throws Exception {
		try (Connection db = database(dbPort); Statement sql = db.createStatement()) {
			sql.execute("INSERT INTO customer (no, name, contact) SELECT 'KT' || lpad(n::text, 6, '0'),"
					+ " 'Overtatt ' || n, CASE WHEN n % 3 = 0 THEN 'Person ' || n ELSE '' END"
					+ " FROM generate_series(1, " + CUSTOMERS + ") AS n");
		}
		Api.Response submitted = viaA.post("/api/v1/jobs", Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS", "filter",
				Map.of("noFrom", "KT000001", "noTo", "KT999999")));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		long id = submitted.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> viaA.get("/api/v1/jobs/" + id).json().get("processed").asLong() >= Math.min(1_000,
					CUSTOMERS / 2));
		// an owner is named "pid@host/random" (platform.LeaseOwner)
		String owner = owner(dbPort, id);
		ServiceProcess running = owner.startsWith(a.pid() + "@") ? a : b;
		ServiceProcess survivor = running == a ? b : a;
		assertThat(owner).as("the job's owner is one of the two").startsWith(running.pid() + "@");
		running.kill();
		long killedAt = System.nanoTime();
		Api viaSurvivor = Api.anonymous(survivor.port()).as("admin", PASSWORD);
		long atKill = viaSurvivor.get("/api/v1/jobs/" + id).json().get("processed").asLong();
		assertThat(atKill).as("killed midway").isLessThan(CUSTOMERS);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> owner(dbPort, id).startsWith(survivor.pid() + "@"));
		double takeover = (System.nanoTime() - killedAt) / 1e9;
		await().atMost(Duration.ofSeconds(60 + CUSTOMERS / 200))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !List.of("QUEUED", "RUNNING")
				.contains(viaSurvivor.get("/api/v1/jobs/" + id).json().get("status").asString()));
		JsonNode job = viaSurvivor.get("/api/v1/jobs/" + id).json();
		System.out.printf(
				"TwoInstancesTest: job of %d, its instance (%s) killed at %d processed, the other took it"
						+ " over %.1f s after the kill (lease 5 s); ended %s, processed %d, created %d%n",
				CUSTOMERS, running == a ? "A" : "B", atKill, takeover, job.get("status").asString(),
				job.get("processed").asLong(), job.get("created").asLong());
		assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(job.get("processed").asLong()).isEqualTo(CUSTOMERS);
		assertThat(job.get("created").asLong()).isEqualTo(CUSTOMERS);
		try (Connection db = database(dbPort)) {
			assertThat(count(db, "SELECT count(*) FROM contact WHERE type = 'COMPANY' AND name LIKE 'Overtatt %'"))
				.as("one company contact per customer, none twice")
				.isEqualTo(CUSTOMERS);
			assertThat(count(db, "SELECT count(*) FROM customer WHERE no LIKE 'KT%' AND contact_no IS NULL")).isZero();
		}
	}

	private static ServiceProcess instance(Path dir, int dbPort, String label) throws Exception {
		return ServiceProcess.start(dir, ServiceProcess.freePort(), label, "contactsync.data-dir=" + dir,
				"spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
				"spring.datasource.username=postgres", "contactsync.demo=true",
				"contactsync.admin-password=" + PASSWORD,
				// a killed instance's job is taken over once its lease ran out: shorter
				// here
				"contactsync.jobs.lease=5s", "contactsync.jobs.poll-interval=1s");
	}

	private static String owner(int dbPort, long job) throws SQLException {
		try (Connection db = database(dbPort);
				Statement sql = db.createStatement();
				ResultSet rs = sql.executeQuery("SELECT coalesce(owner, '') FROM job WHERE id = " + job)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static Connection database(int port) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
	}

	private static long count(Connection db, String query) throws SQLException {
		try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
