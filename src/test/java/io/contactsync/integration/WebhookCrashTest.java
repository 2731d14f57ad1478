package io.contactsync.integration;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.contactsync.support.Api;
import io.contactsync.support.ServiceProcess;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries survive a crash and a receiver that is away (docs/integration.md): the
 * service, run as a child process as users run it, is killed with SIGKILL while it
 * delivers to a webhook receiver on the loopback, started again on the same data, and
 * then the receiver answers 503 for a while. Afterwards every committed event has arrived
 * at least once, and each record's events arrived (first) in commit order.
 * <p>
 * The build runs it small; {@code -Pquality} with the receiver away for 60 s
 * ({@code -Dr7.down-seconds=60 -Dr7.records=200}).
 */
@Tag("quality")
class WebhookCrashTest {

	private static final String PASSWORD = "webhook-crash-password";

	private static final int RECORDS = Integer.getInteger("r7.records", 20);

	private static final int DOWN_SECONDS = Integer.getInteger("r7.down-seconds", 5);

	@Test
	void everyCommittedEventArrivesAfterACrashAndAnOutageInOrderPerRecord(@TempDir Path dataDir) throws Exception {
		try (Receiver receiver = Receiver.start()) {
			int port = ServiceProcess.freePort();
			ServiceProcess service = start(dataDir, port, "first");
			List<String> customers = new ArrayList<>();
			long start;
			try {
				Api api = service.awaitReady(PASSWORD);
				start = head(api);
				Api.Response endpoint = api.post("/api/v1/webhooks",
						Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook", "description", "R7"));
				assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
				for (int i = 0; i < RECORDS; i++) {
					customers.add(api.post("/api/v1/customers", Map.of("name", "Krasj Kunde " + i + " AS"))
						.json()
						.get("no")
						.asString());
				}
				await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received() > RECORDS);
				// kill while it delivers: changes keep coming until the moment of the
				// kill, and one delivery is in flight, sent and not yet answered
				for (int round = 0; round < 3; round++) {
					if (round == 2) {
						receiver.holdTheNext();
					}
					patchAll(api, customers, "+47 41 0" + round + " 00 0");
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> receiver.held() != null);
			}
			finally {
				service.kill();
				receiver.release();
			}
			String cut = receiver.held();
			System.out.printf("WebhookCrashTest: killed after %d deliveries, while delivering %s%n",
					receiver.received(), cut);

			try (ServiceProcess again = start(dataDir, port, "second")) {
				Api api = again.awaitReady(PASSWORD);
				receiver.down(true);
				for (int round = 3; round < 6; round++) {
					patchAll(api, customers, "+47 41 0" + round + " 00 0");
				}
				Thread.sleep(Duration.ofSeconds(DOWN_SECONDS).toMillis());
				receiver.down(false);
				List<JsonNode> committed = feedAfter(api, start);
				Set<String> expected = new LinkedHashSet<>();
				committed.forEach(event -> expected.add(event.get("id").asString()));
				await().atMost(Duration.ofSeconds(60 + DOWN_SECONDS))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> receiver.ids().containsAll(expected));

				System.out.printf("WebhookCrashTest: %d events committed, %d deliveries, %d refused while away%n",
						expected.size(), receiver.received(), receiver.refused());
				assertThat(receiver.refused()).as("the receiver was away and said so").isPositive();
				assertThat(receiver.deliveries().stream().filter(d -> d.get("id").asString().equals(cut)).count())
					.as("the delivery the kill cut short was made again")
					.isGreaterThanOrEqualTo(2);
				Map<String, Long> positions = new HashMap<>();
				committed.forEach(event -> positions.put(event.get("id").asString(), event.get("position").asLong()));
				Map<String, List<Long>> firstSeenByRecord = new HashMap<>();
				Set<String> seen = new java.util.HashSet<>();
				for (JsonNode delivery : receiver.deliveries()) {
					String id = delivery.get("id").asString();
					if (positions.containsKey(id) && seen.add(id)) {
						firstSeenByRecord
							.computeIfAbsent(
									delivery.get("recordType").asString() + "/" + delivery.get("no").asString(),
									k -> new ArrayList<>())
							.add(positions.get(id));
					}
				}
				assertThat(firstSeenByRecord).allSatisfy((record, order) -> assertThat(order).as(record).isSorted());
				assertThat(firstSeenByRecord.keySet()).contains("CUSTOMER/" + customers.get(0));
			}
		}
	}

	private static void patchAll(Api api, List<String> customers, String phone) {
		for (String no : customers) {
			Api.Response patched = api.header("If-Match", "*")
				.patch("/api/v1/customers/" + no, Map.of("phoneNo", phone + no.substring(no.length() - 1)));
			assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		}
	}

	private static long head(Api api) {
		String cursor = "0";
		while (true) {
			String next = api.get("/api/v1/changes?limit=1000&after=" + cursor).json().get("next").asString();
			if (next.equals(cursor)) {
				return Long.parseLong(cursor);
			}
			cursor = next;
		}
	}

	private static List<JsonNode> feedAfter(Api api, long after) {
		List<JsonNode> events = new ArrayList<>();
		String cursor = Long.toString(after);
		while (true) {
			JsonNode page = api.get("/api/v1/changes?limit=1000&after=" + cursor).json();
			page.get("items").forEach(events::add);
			String next = page.get("next").asString();
			if (next.equals(cursor)) {
				return events;
			}
			cursor = next;
		}
	}

	private static ServiceProcess start(Path dataDir, int port, String label) throws IOException {
		return ServiceProcess.start(dataDir, port, label, "contactsync.data-dir=" + dataDir, "contactsync.demo=true",
				"contactsync.admin-password=" + PASSWORD, "contactsync.webhooks.allow-private-addresses=true",
				// retries and take-over at the pace of a test
				"contactsync.webhooks.first-retry=200ms", "contactsync.webhooks.max-retry-wait=2s",
				"contactsync.webhooks.poll-interval=500ms", "contactsync.webhooks.lease=5s");
	}

	/**
	 * A receiver on the loopback: keeps every delivery in order, or answers 503 while
	 * away.
	 */
	static final class Receiver implements AutoCloseable {

		private final HttpServer server;

		private final ConcurrentLinkedQueue<JsonNode> deliveries = new ConcurrentLinkedQueue<>();

		private final Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();

		private volatile boolean down;

		private volatile CountDownLatch holding = new CountDownLatch(0);

		private final AtomicReference<String> held = new AtomicReference<>();

		private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();

		private Receiver(HttpServer server) {
			this.server = server;
		}

		static Receiver start() throws IOException {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
			Receiver receiver = new Receiver(server);
			server.setExecutor(Executors.newFixedThreadPool(2));
			server.createContext("/hook", exchange -> {
				byte[] body;
				try (InputStream in = exchange.getRequestBody()) {
					body = in.readAllBytes();
				}
				if (receiver.down) {
					receiver.refused.incrementAndGet();
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
					return;
				}
				JsonNode data = Api.JSON.readTree(new String(body, StandardCharsets.UTF_8)).get("data");
				receiver.deliveries.add(data);
				if (receiver.holding.getCount() > 0 && receiver.held.compareAndSet(null, data.get("id").asString())) {
					// the first delivery after holding began waits, unanswered, until the
					// service is killed
					try {
						receiver.holding.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				receiver.ids.add(data.get("id").asString());
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}

		int port() {
			return server.getAddress().getPort();
		}

		/**
		 * The next delivery is taken in, and left unanswered until {@link #release()}.
		 */
		void holdTheNext() {
			holding = new CountDownLatch(1);
		}

		/** The id of the delivery being held, once one is. */
		@Nullable String held() {
			return held.get();
		}

		void release() {
			holding.countDown();
		}

		void down(boolean away) {
			this.down = away;
		}

		long received() {
			return deliveries.size();
		}

		long refused() {
			return refused.get();
		}

		Set<String> ids() {
			return ids;
		}

		List<JsonNode> deliveries() {
			return List.copyOf(deliveries);
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

}
