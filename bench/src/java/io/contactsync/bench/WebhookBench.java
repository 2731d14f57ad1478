package io.contactsync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * P7: webhooks. Two figures, each beside its baseline in the same run:
 * <ul>
 * <li>the outbox's cost: P2's synced PATCH while one endpoint subscribed to every event is
 * delivered to, against the same PATCH with no subscriber (target: at least 85 %);</li>
 * <li>deliveries per second from one instance to a receiver on the loopback, draining a
 * backlog of events written as the outbox writes them, against the rate at which one
 * plain sequential client posts the same bodies to the same receiver (guide: at least
 * 500/s). The heap is printed before and after the drain: a backlog is read a stretch at
 * a time, never whole.</li>
 * </ul>
 */
final class WebhookBench {

	private WebhookBench() {
	}

	static List<Figure> run(Service service, BenchmarkSuiteTest.Size size) throws Exception {
		try (Receiver receiver = Receiver.start()) {
			List<Figure> figures = new ArrayList<>();
			figures.add(outboxCost(service, size, receiver));
			figures.add(deliveryRate(service, size, receiver));
			return figures;
		}
	}

	private static Figure outboxCost(Service service, BenchmarkSuiteTest.Size size, Receiver receiver)
			throws Exception {
		List<String> linked = new ArrayList<>();
		for (int i = 0; i < PatchBench.CLIENTS; i++) {
			linked.add(PatchBench.linkedCompany(service, "Abonnert " + i + " AS"));
		}
		Duration warmUp = Duration.ofSeconds(Math.max(1, size.patchSeconds() / 3));
		Duration measured = Duration.ofSeconds(size.patchSeconds());
		Load.Result without = Load.run(PatchBench.CLIENTS, warmUp, measured,
				(client, i) -> PatchBench.patch(service, linked.get(client), i));
		long endpoint = endpoint(service, receiver, "P7 outbox cost");
		long before = receiver.count();
		Load.Result with = Load.run(PatchBench.CLIENTS, warmUp, measured,
				(client, i) -> PatchBench.patch(service, linked.get(client), 1_000_000 + i));
		long delivered = receiver.count() - before;
		service.call("DELETE", "/api/v1/webhooks/" + endpoint, null);
		return new Figure("P7a", "P2's synced PATCH with one webhook subscriber", with.perSecond(),
				without.perSecond(), "req/s", Figure.Goal.atLeast(0.85, ">= 85 % of no subscriber"),
				"with: " + with + ", " + delivered + " deliveries meanwhile; without: " + without);
	}

	private static Figure deliveryRate(Service service, BenchmarkSuiteTest.Size size, Receiver receiver)
			throws Exception {
		int backlog = size.jobRecords();
		long endpoint = endpoint(service, receiver, "P7 backlog");
		service.call("PATCH", "/api/v1/webhooks/" + endpoint, Map.of("enabled", false));
		long start = service.jdbc.sql("SELECT last_position FROM change_feed").query(Long.class).single();
		// The backlog, written as the outbox writes events; the sequencer numbers them.
		service.jdbc.sql("""
				INSERT INTO change_event (type, record_type, no, version, origin, user_name, changes)
				SELECT 'contact.changed', 'CONTACT', 'BENCH' || g, g, 'API', 'bench',
				       jsonb_build_object('phoneNo', jsonb_build_object('old', '+47 22 33 44 55', 'new', '+47 ' || g),
				                          'city', jsonb_build_object('old', 'Oslo', 'new', 'Bodø'))
				FROM generate_series(1, ?) g""").param(backlog).update();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (service.jdbc.sql("SELECT last_position FROM change_feed").query(Long.class).single() < start + backlog
				&& System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		service.call("POST", "/api/v1/webhooks/" + endpoint + "/replay", Map.of("after", start));
		long heapBefore = usedHeapMiB();
		long countBefore = receiver.count();
		long began = System.nanoTime();
		service.call("PATCH", "/api/v1/webhooks/" + endpoint, Map.of("enabled", true));
		long peakHeap = heapBefore;
		while (receiver.count() - countBefore < backlog && System.nanoTime() < deadline) {
			Thread.sleep(20);
			// sampled without a collection: a System.gc() here, every 20 ms in the
			// service's own JVM, was most of what the deliveries waited for
			peakHeap = Math.max(peakHeap, heapInUseMiB());
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		long delivered = receiver.count() - countBefore;
		double rate = delivered / seconds;
		long heapAfter = usedHeapMiB();
		System.out.println("P7b: the endpoint's delivery log: " + service.jdbc
			.sql("SELECT count(*) FILTER (WHERE status = 'DELIVERED') || ' delivered, '"
					+ " || count(*) FILTER (WHERE status = 'FAILED') || ' failed, latency avg ' || round(avg(latency_ms), 1) || ' ms, p90 ' || percentile_cont(0.9) WITHIN GROUP (ORDER BY latency_ms) || ' ms, p50 '"
					+ " || percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) || ' ms, max '"
					+ " || max(latency_ms) || ' ms; an error: ' || coalesce(min(error), 'none')"
					+ " FROM webhook_delivery WHERE endpoint_id = ?")
			.param(endpoint)
			.query(String.class)
			.optional()
			.orElse("empty"));
		service.call("DELETE", "/api/v1/webhooks/" + endpoint, null);
		double plain = plainPosts(receiver, Math.min(backlog, 5_000));
		return new Figure("P7b", "webhook deliveries to a loopback receiver, one instance", rate, plain, "deliveries/s",
				">= 500/s",
				String.format("%d of a %d-event backlog in %.1f s; heap live %d MiB before, in use (garbage included) %d MiB at most,"
						+ " live %d MiB after;"
						+ " baseline: one plain client posting the same bodies in turn", delivered, backlog, seconds,
						heapBefore, peakHeap, heapAfter));
	}

	private static long endpoint(Service service, Receiver receiver, String description) throws Exception {
		return service
			.call("POST", "/api/v1/webhooks",
					Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook", "description", description))
			.get("id")
			.asLong();
	}

	/** How fast one client posts the same bodies in turn to the same receiver. */
	private static double plainPosts(Receiver receiver, int count) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String body = "{\"type\":\"contact.changed\",\"timestamp\":\"2026-11-30T00:00:00Z\",\"data\":{\"id\":\"evt_1\","
				+ "\"changes\":{\"phoneNo\":{\"old\":\"+47 22 33 44 55\",\"new\":\"+47 1\"}},\"pad\":\""
				+ "x".repeat(400) + "\"}}";
		long began = System.nanoTime();
		for (int i = 0; i < count; i++) {
			http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + receiver.port() + "/plain"))
				.header("Content-Type", "application/json")
				.header("webhook-id", "plain_" + i)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		return count / ((System.nanoTime() - began) / 1e9);
	}

	/** The heap in use now, garbage included: an upper bound of what the deliveries hold. */
	private static long heapInUseMiB() {
		return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
	}

	/** The heap live after a full collection. */
	private static long usedHeapMiB() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
	}

	/** A receiver on the loopback that answers 204 to every delivery and counts them once by id. */
	static final class Receiver implements AutoCloseable {

		private final HttpServer server;

		private final Set<String> ids = ConcurrentHashMap.newKeySet();

		private final AtomicLong posts = new AtomicLong();

		private Receiver(HttpServer server) {
			this.server = server;
		}

		static Receiver start() throws IOException {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			Receiver receiver = new Receiver(server);
			server.setExecutor(Executors.newFixedThreadPool(4));
			server.createContext("/hook", exchange -> {
				try (InputStream body = exchange.getRequestBody()) {
					body.readAllBytes();
				}
				String id = exchange.getRequestHeaders().getFirst("webhook-id");
				if (id != null) {
					receiver.ids.add(id);
				}
				receiver.posts.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.createContext("/plain", exchange -> {
				try (InputStream body = exchange.getRequestBody()) {
					body.readAllBytes();
				}
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return receiver;
		}

		int port() {
			return server.getAddress().getPort();
		}

		/** Distinct events received. */
		long count() {
			return ids.size();
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

}
