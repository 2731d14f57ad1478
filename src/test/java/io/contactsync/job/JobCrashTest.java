package io.contactsync.job;

import java.io.IOException;
import java.nio.file.Files;
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
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.contactsync.support.Api;
import io.contactsync.support.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/targets.md R2: the service is killed with SIGKILL at random moments of a
 * contact-creation job, every other time (the first among them) with its embedded
 * PostgreSQL, and started again on the same data, each time: the job resumes, and every
 * customer ends with exactly one contact, no link lacks either end, and no contact number
 * is used twice or left for the number series to hand out again. The service runs as a
 * child process, as a user runs it, on the embedded default.
 * <p>
 * The build kills it once in a job over 100,000 customers; {@code -Dr2.customers=200000
 * -Dr2.kills=5} is the full size, {@code -Dr2.seed=} replays the moments.
 */
@Tag("quality")
class JobCrashTest {

	private static final String PASSWORD = "crash-test-password";

	private static final int CUSTOMERS = Integer.getInteger("r2.customers", 100_000);

	private static final int KILLS = Integer.getInteger("r2.kills", 1);

	/**
	 * How far short of its end the job is at least when the kill comes: more than it
	 * makes in the pause before the kill (at most 2 s; it makes some 2,500 contacts a
	 * second here), so each kill falls midway.
	 */
	private static final int MARGIN = 10_000;

	private static final long SEED = Long.getLong("r2.seed", System.nanoTime());

	@Test
	void aJobKilledMidwayResumesAndEveryCustomerEndsWithExactlyOneContact(@TempDir Path dataDir) throws Exception {
		System.out.printf("JobCrashTest: %d customers, %d kills, seed %d%n", CUSTOMERS, KILLS, SEED);
		Random random = new Random(SEED);
		// the moments, spread over the whole job: how far it has got when each kill comes
		List<Long> moments = random.longs(KILLS, 1_000, CUSTOMERS - MARGIN).sorted().boxed().toList();
		int port = ServiceProcess.freePort();
		long jobId = 0;
		long started = System.nanoTime();
		for (int kill = 1; kill <= KILLS; kill++) {
			ServiceProcess service = start(dataDir, port, "run-" + kill);
			// every other kill, the first among them, takes the database with it
			boolean withDatabase = kill % 2 == 1;
			AtomicLong seen = new AtomicLong();
			long pause = random.nextLong(2_000);
			try {
				Api api = service.awaitReady(PASSWORD);
				if (kill == 1) {
					jobId = submitJob(api, dataDir);
				}
				long id = jobId;
				long processed = api.get("/api/v1/jobs/" + id).json().get("processed").asLong();
				// at least a page on from where the job stands, and short of its end
				long target = Math.min(Math.max(moments.get(kill - 1), processed + 1_000), CUSTOMERS - MARGIN);
				// (a job makes some 600 contacts a second on a small machine; ample room)
				await().atMost(Duration.ofSeconds(60 + CUSTOMERS / 200))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> {
						seen.set(api.get("/api/v1/jobs/" + id).json().get("processed").asLong());
						return seen.get() >= target;
					});
				// then anywhere within the next page or two, not just after a page's
				// commit
				Thread.sleep(pause);
			}
			finally {
				List<ProcessHandle> database = withDatabase ? postgres(dataDir) : List.of();
				database.forEach(ProcessHandle::destroyForcibly);
				service.kill();
				await().atMost(Duration.ofSeconds(30)).until(() -> database.stream().noneMatch(ProcessHandle::isAlive));
			}
			System.out.printf("JobCrashTest: kill %d%s %d ms after %d of %d processed%n", kill,
					withDatabase ? " (the database too)" : "", pause, seen.get(), CUSTOMERS);
		}

		long id = jobId;
		try (ServiceProcess last = start(dataDir, port, "last")) {
			Api api = last.awaitReady(PASSWORD);
			await().atMost(Duration.ofSeconds(60 + CUSTOMERS / 200))
				.until(() -> List.of("SUCCEEDED", "FAILED", "CANCELLED")
					.contains(api.get("/api/v1/jobs/" + id).json().get("status").asString()));
			JsonNode job = api.get("/api/v1/jobs/" + id).json();
			System.out.printf("JobCrashTest: job after the last restart, %.0f s in all: %s%n",
					(System.nanoTime() - started) / 1e9, job.toString().replaceAll("\"errors\":\\[.*", ""));

			assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(job.get("processed").asLong()).isEqualTo(CUSTOMERS);
			assertThat(job.get("created").asLong()).isEqualTo(CUSTOMERS);
			try (Connection db = database(dataDir)) {
				assertThat(count(db, "SELECT count(*) FROM customer WHERE no LIKE 'KX%' AND contact_no IS NULL"))
					.isZero();
				assertThat(count(db,
						"SELECT count(*) FROM (SELECT customer_no FROM contact_business_relation"
								+ " WHERE customer_no LIKE 'KX%' GROUP BY customer_no HAVING count(*) = 1) AS one"))
					.isEqualTo(CUSTOMERS);
				assertThat(count(db, "SELECT count(*) FROM contact WHERE type = 'COMPANY' AND name LIKE 'Krasj %'"))
					.as("one company contact per customer, none twice")
					.isEqualTo(CUSTOMERS);
				assertThat(count(db, "SELECT count(*) FROM contact WHERE type = 'PERSON' AND name LIKE 'Person %'"))
					.isEqualTo(CUSTOMERS / 3);
				assertThat(count(db, "SELECT count(*) FROM contact_business_relation r WHERE NOT EXISTS (SELECT 1"
						+ " FROM contact c WHERE c.no = r.contact_no) OR (r.customer_no IS NOT NULL AND NOT EXISTS"
						+ " (SELECT 1 FROM customer k WHERE k.no = r.customer_no))"))
					.as("no link without both ends")
					.isZero();
				assertThat(count(db,
						"SELECT count(*) FROM customer WHERE no LIKE 'KX%' AND (primary_contact_no IS NULL"
								+ " OR contact_no IS NULL)"))
					.as("every customer shows its contact and primary contact")
					.isZero();
				assertThat(count(db,
						"SELECT count(DISTINCT no) FROM change_log WHERE record_type = 'CONTACT'"
								+ " AND origin = 'JOB' AND field = 'name' AND new_value LIKE 'Krasj %'"))
					.as("each contact's creation in the change log, once, from the job")
					.isEqualTo(count(db,
							"SELECT count(*) FROM change_log WHERE record_type = 'CONTACT'"
									+ " AND origin = 'JOB' AND field = 'name' AND new_value LIKE 'Krasj %'"))
					.isEqualTo(CUSTOMERS);
				assertThat(count(db,
						"SELECT count(*) FROM contact c JOIN marketing_setup m ON true"
								+ " JOIN number_series s ON s.code = m.contact_nos WHERE c.no > s.last_no_used"
								+ " AND length(c.no) = length(s.last_no_used)"))
					.as("no contact has a number the series may hand out again")
					.isZero();
			}
		}
	}

	/**
	 * The embedded server (its PID is the first line of postmaster.pid) and the processes
	 * it started: killed together, they leave the data as a power cut would, and the next
	 * start recovers from the write-ahead log.
	 */
	private static List<ProcessHandle> postgres(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postgres/postmaster.pid");
		if (!Files.exists(pidFile)) {
			return List.of();
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		List<ProcessHandle> all = new ArrayList<>();
		ProcessHandle.of(pid).ifPresent(postmaster -> {
			all.add(postmaster);
			all.addAll(postmaster.descendants().toList());
		});
		return all;
	}

	private static long submitJob(Api api, Path dataDir) throws Exception {
		try (Connection db = database(dataDir); Statement sql = db.createStatement()) {
			sql.execute("INSERT INTO customer (no, name, contact) SELECT 'KX' || lpad(n::text, 6, '0'),"
					+ " 'Krasj ' || n, CASE WHEN n % 3 = 0 THEN 'Person ' || n ELSE '' END"
					+ " FROM generate_series(1, " + CUSTOMERS + ") AS n");
		}
		Api.Response submitted = api.post("/api/v1/jobs", Map.of("type", "CREATE_CONTACTS_FROM_CUSTOMERS", "filter",
				Map.of("noFrom", "KX000001", "noTo", "KX999999")));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
		return submitted.json().get("id").asLong();
	}

	private static ServiceProcess start(Path dataDir, int port, String label) throws IOException {
		return ServiceProcess.start(dataDir, port, label, "contactsync.data-dir=" + dataDir, "contactsync.demo=true",
				"contactsync.admin-password=" + PASSWORD,
				// a job of a killed instance is taken over once its lease ran out:
				// shorter here
				"contactsync.jobs.lease=10s");
	}

	/**
	 * The embedded server's port is in its postmaster.pid, fourth line; its password in
	 * the file beside it.
	 */
	private static Connection database(Path dataDir) throws IOException, SQLException {
		String port = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim();
		String password = Files.readString(dataDir.resolve("postgres/contactsync.password")).strip();
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "contactsync",
				password);
	}

	private static long count(Connection db, String query) throws SQLException {
		try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
