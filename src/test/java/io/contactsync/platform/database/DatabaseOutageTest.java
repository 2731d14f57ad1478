package io.contactsync.platform.database;

import java.io.IOException;
import java.net.ServerSocket;
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
 * server standing in for the user's), which is stopped for ten seconds while clients read
 * and write, then started again on the same data and port. Requests in that window fail
 * with 503 problem+json and nothing else; the service finds its database again by itself,
 * without a restart, and what was written before the outage is still there.
 */
@Tag("quality")
class DatabaseOutageTest {

	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 10));

	@Test
	void requestsFailCleanlyWhileTheDatabaseIsAwayAndTheServiceRecoversByItself(@TempDir Path serverDir,
			@TempDir Path dataDir) throws Exception {
		int dbPort = freePort();
		EmbeddedPostgres database = startDatabase(serverDir, dbPort);
		try (ConfigurableApplicationContext app = EmbeddedDatabaseTest.start(dataDir,
				"spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
				"spring.datasource.username=postgres", "contactsync.demo=true")) {
			Api api = EmbeddedDatabaseTest.api(app);
			String token = api.post("/api/v1/users/admin/tokens", null).json().get("token").asString();
			Api client = Api.anonymous(portOf(app)).withToken(token);
			Api.Response before = client.post("/api/v1/contacts", Map.of("type", "COMPANY", "name", "Før Bruddet AS"));
			assertThat(before.status()).as(before.toString()).isEqualTo(201);
			String kept = before.json().get("no").asString();

			Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
			ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
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
						boolean clean = answer.status() < 300 || (answer.status() == 503
								&& answer.contentType().startsWith("application/problem+json")
								&& "SERVICE_UNAVAILABLE".equals(answer.code()));
						if (!clean) {
							wrong.add(answer.toString());
						}
					}
					return null;
				}));
			}
			Thread.sleep(2_000);
			long stoppedAt = System.nanoTime();
			database.close();
			Thread.sleep(OUTAGE.toMillis());
			database = startDatabase(serverDir, dbPort);
			long startedAt = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> client.get("/api/v1/contacts/" + kept).status() == 200);
			double recovered = (System.nanoTime() - startedAt) / 1e9;
			Thread.sleep(2_000);
			running.set(false);
			for (Future<?> task : done) {
				task.get();
			}
			clients.shutdown();

			System.out.printf(
					"DatabaseOutageTest: database away %.1f s, answers by status %s, recovered %.1f s after"
							+ " the database came back, %d unclean answers%n",
					(startedAt - stoppedAt) / 1e9, byStatus, recovered, wrong.size());
			assertThat(wrong).isEmpty();
			assertThat(byStatus).as("some requests met the outage").containsKey("503");
			assertThat(client.post("/api/v1/contacts", Map.of("type", "COMPANY", "name", "Etter Bruddet AS")).status())
				.isEqualTo(201);
			assertThat(client.get("/api/v1/contacts/" + kept).json().get("name").asString())
				.isEqualTo("Før Bruddet AS");
		}
		finally {
			database.close();
		}
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
