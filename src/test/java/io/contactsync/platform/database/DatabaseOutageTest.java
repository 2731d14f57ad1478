package io.contactsync.platform.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.support.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/targets.md R5: the application runs on an external PostgreSQL (a second embedded
 * server standing in for the user's), which goes away for ten seconds while clients read
 * and write, three times: stopped cleanly; hung (SIGSTOP: its connections stay open and
 * answer nothing, so only the driver's socket timeout ends a waiting statement); and
 * killed (SIGKILL of the server and its processes, so that it recovers from its log when
 * it starts again on the same data and port). Requests in each window fail with 503
 * problem+json with {@code Retry-After} and nothing else; the service finds its database
 * again by itself, without a restart; and every write answered 201, before, during or
 * after the outages, is there afterwards.
 */
@Tag("quality")
class DatabaseOutageTest {

	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 10));

	/**
	 * How long a statement may wait for the database's answer in this test (the default
	 * is 60 s, application.properties): short, so that a hang shows within the outage.
	 */
	private static final int SOCKET_TIMEOUT_SECONDS = 3;

	/** What happens to the database: stopped cleanly, frozen, killed. */
	private enum Outage {

		STOPPED, HUNG, KILLED

	}

	private EmbeddedPostgres database;

	@Test
	void requestsFailCleanlyWhileTheDatabaseIsAwayAndTheServiceRecoversByItself(@TempDir Path serverDir,
			@TempDir Path dataDir) throws Exception {
		int dbPort = freePort();
		database = startDatabase(serverDir, dbPort);
		try (ConfigurableApplicationContext app = EmbeddedDatabaseTest.start(dataDir,
				"spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
				"spring.datasource.username=postgres", "contactsync.demo=true",
				"spring.datasource.hikari.data-source-properties.socketTimeout=" + SOCKET_TIMEOUT_SECONDS)) {
			Api api = EmbeddedDatabaseTest.api(app);
			String token = api.post("/api/v1/users/admin/tokens", null).json().get("token").asString();
			Api client = Api.anonymous(portOf(app)).withToken(token);
			Api.Response before = client.post("/api/v1/contacts", Map.of("type", "COMPANY", "name", "Før Bruddet AS"));
			assertThat(before.status()).as(before.toString()).isEqualTo(201);
			String kept = before.json().get("no").asString();

			Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
			ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
			ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService clients = Executors.newFixedThreadPool(4);
			List<Future<?>> done = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				int seed = c;
				done.add(clients.submit(() -> {
					for (int i = 0; running.get(); i++) {
						Api.Response answer = (i % 2 == 0) ? client.get("/api/v1/contacts?limit=5") : client
							.post("/api/v1/contacts", Map.of("type", "COMPANY", "name", "Last " + seed + "-" + i));
						byStatus.computeIfAbsent(String.valueOf(answer.status()), s -> new AtomicInteger())
							.incrementAndGet();
						if (answer.status() == 201) {
							created.add(answer.json().get("no").asString());
						}
						boolean clean = answer.status() < 300 || (answer.status() == 503
								&& answer.contentType().startsWith("application/problem+json")
								&& "SERVICE_UNAVAILABLE".equals(answer.code())
								&& answer.header("Retry-After")
									.filter(after -> after.matches("[1-9][0-9]*"))
									.isPresent());
						if (!clean) {
							wrong.add(answer + " " + answer.raw().headers().map());
						}
					}
					return null;
				}));
			}
			List<String> outages = new ArrayList<>();
			for (Outage outage : Outage.values()) {
				Thread.sleep(2_000);
				long stoppedAt = System.nanoTime();
				int refusedBefore = byStatus.computeIfAbsent("503", s -> new AtomicInteger()).get();
				if (outage == Outage.HUNG) {
					// the server and its backends stop answering, their sockets stay open
					signal(serverDir, "STOP");
					Thread.sleep(OUTAGE.toMillis());
					int refusedWhileHung = byStatus.get("503").get() - refusedBefore;
					signal(serverDir, "CONT");
					outages.add(String.format("hung: %d answers 503 before it answered again", refusedWhileHung));
					assertThat(refusedWhileHung)
						.as("requests were answered while the database hung, not held until it came back")
						.isPositive();
				}
				else {
					if (outage == Outage.KILLED) {
						kill(serverDir);
					}
					// After a kill this only lets go of the library's lock on the
					// directory (stopping a dead server fails, and the library logs
					// that).
					database.close();
					Thread.sleep(OUTAGE.toMillis());
					database = startDatabase(serverDir, dbPort);
				}
				long startedAt = System.nanoTime();
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> client.get("/api/v1/contacts/" + kept).status() == 200);
				outages.add(String.format("%s: away %.1f s, recovered %.1f s after it came back", outage,
						(startedAt - stoppedAt) / 1e9, (System.nanoTime() - startedAt) / 1e9));
			}
			Thread.sleep(2_000);
			running.set(false);
			for (Future<?> task : done) {
				task.get();
			}
			clients.shutdown();

			List<String> lost = created.stream()
				.filter(no -> client.get("/api/v1/contacts/" + no).status() != 200)
				.toList();
			System.out
				.printf("DatabaseOutageTest: %s; answers by status %s, %d unclean answers, %d writes answered 201,"
						+ " %d of them lost%n", outages, byStatus, wrong.size(), created.size(), lost.size());
			assertThat(wrong).isEmpty();
			assertThat(byStatus).as("some requests met the outages").containsKey("503");
			assertThat(lost).as("answered 201, so committed").isEmpty();
			assertThat(client.post("/api/v1/contacts", Map.of("type", "COMPANY", "name", "Etter Bruddet AS")).status())
				.isEqualTo(201);
			assertThat(client.get("/api/v1/contacts/" + kept).json().get("name").asString())
				.isEqualTo("Før Bruddet AS");
		}
		finally {
			database.close();
		}
	}

	/**
	 * SIGKILL to the server and every process it started, as a power cut would leave it:
	 * the next start recovers from the write-ahead log. Only processes of this test's own
	 * server, found by the PID in its data directory.
	 */
	private static void kill(Path serverDir) throws IOException {
		long pid = Long.parseLong(Files.readAllLines(serverDir.resolve("postmaster.pid")).get(0).trim());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		List<ProcessHandle> children = postmaster.descendants().toList();
		postmaster.destroyForcibly();
		children.forEach(ProcessHandle::destroyForcibly);
		await().atMost(Duration.ofSeconds(30)).until(() -> !postmaster.isAlive());
	}

	/**
	 * SIGSTOP or SIGCONT to the server and every process it started: stopped, they keep
	 * their connections open and answer nothing, as a server that hangs.
	 */
	private static void signal(Path serverDir, String signal) throws IOException, InterruptedException {
		long pid = Long.parseLong(Files.readAllLines(serverDir.resolve("postmaster.pid")).get(0).trim());
		ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(pid)));
		postmaster.descendants().forEach(child -> command.add(Long.toString(child.pid())));
		assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).as(command.toString()).isZero();
	}

	private static EmbeddedPostgres startDatabase(Path dir, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("listen_addresses", "localhost")
			.start();
	}

	private static int portOf(ConfigurableApplicationContext app) {
		return ((org.springframework.boot.web.server.context.WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
