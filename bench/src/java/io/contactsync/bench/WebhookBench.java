package io.contactsync.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

	/**
	 * P7a's halves take turns this many times, each first in every other round, so that a
	 * drift over the run (autovacuum winding down, the JIT) weighs on both alike.
	 */
	private static final int ROUNDS = 6;

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
		// The two halves take turns, six rounds of a third of P2's time each, so that
		// what the machine does beside them (autovacuum after the bulk runs before P7, the
		// JIT) weighs on both alike: run one after the other, the half measured second
		// read 0.64 in a full run and 1.21 after P1 alone; in three rounds, the half
		// without a subscriber always first, 239 and 280 req/s in two full runs.
		Duration warmUp = Duration.ofSeconds(Math.max(1, size.patchSeconds() / 3));
		Duration round = Duration.ofMillis(Math.max(1000, size.patchSeconds() * 1000L / 3));
		String warm = JitWarmUp.run(() -> Load.run(PatchBench.CLIENTS, warmUp, Duration.ZERO,
				(client, i) -> PatchBench.patch(service, linked.get(client), 2_000_000 + i)), size.jitSettling());
		long withoutDone = 0;
		double withoutSeconds = 0;
		long withDone = 0;
		double withSeconds = 0;
		long delivered = 0;
		long connections = 0;
		long behind = 0;
		double drainedInAll = 0;
		for (int r = 0; r < ROUNDS; r++) {
			long offset = 3_000_000L * (r + 1);
			boolean withoutFirst = r % 2 == 0;
			if (withoutFirst) {
				withoutDone += without(service, linked, round, offset);
			}
			long endpoint = endpoint(service, receiver, "P7 outbox cost");
			long before = receiver.count();
			long connectionsBefore = receiver.connections.get();
			Load.Result with = Load.run(PatchBench.CLIENTS, Duration.ZERO, round,
					(client, i) -> PatchBench.patch(service, linked.get(client), offset + 1_000_000 + i));
			delivered += receiver.count() - before;
			connections += receiver.connections.get() - connectionsBefore;
			// Deliveries put off are not deliveries saved: the figure's time runs on until
			// the subscriber has every event of the PATCHes, so that falling behind
			// cannot flatter it.
			long head = service.jdbc.sql("SELECT last_position FROM change_feed").query(Long.class).single();
			behind = Math.max(behind, head - cursor(service, endpoint));
			long drainFrom = System.nanoTime();
			long deadline = drainFrom + Duration.ofMinutes(2).toNanos();
			while (cursor(service, endpoint) < head && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			double drained = (System.nanoTime() - drainFrom) / 1e9;
			if (cursor(service, endpoint) < head) {
				throw new IllegalStateException("P7a: the subscriber did not catch up within 2 minutes");
			}
			service.call("DELETE", "/api/v1/webhooks/" + endpoint, null);
			withDone += with.done();
			withSeconds += with.seconds() + drained;
			drainedInAll += drained;
			if (!withoutFirst) {
				withoutDone += without(service, linked, round, offset);
			}
			withoutSeconds += round.toNanos() / 1e9;
		}
		double rate = withDone / withSeconds;
		double withoutRate = withoutDone / withoutSeconds;
		return new Figure("P7a", "P2's synced PATCH with one webhook subscriber, until delivered", rate, withoutRate,
				"req/s", Figure.Goal.atLeast(0.85, ">= 85 % of no subscriber"),
				String.format("%d rounds, each %.1f s without a subscriber, then %.1f s with one; with: %d PATCHes,"
						+ " %d deliveries over %d connections meanwhile, at most %d feed positions behind at a round's end, all delivered"
						+ " %.2f s later in all (the figure counts those seconds); without: %d PATCHes; after a %s", ROUNDS,
						round.toMillis() / 1e3, round.toMillis() / 1e3, withDone, delivered, connections, behind, drainedInAll,
						withoutDone, warm));
	}

	private static long cursor(Service service, long endpoint) {
		return service.jdbc.sql("SELECT delivery_cursor FROM webhook_endpoint WHERE id = ?")
			.param(endpoint)
			.query(Long.class)
			.single();
	}

	private static long without(Service service, List<String> linked, Duration round, long offset)
			throws InterruptedException {
		return Load.run(PatchBench.CLIENTS, Duration.ZERO, round,
				(client, i) -> PatchBench.patch(service, linked.get(client), offset + i))
			.done();
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

	/**
	 * How fast one client posts the same bodies in turn to the same receiver. A post whose
	 * kept-alive connection was closed under it is sent once more, as a webhook delivery
	 * would be (Java's client retries only idempotent requests itself); how many were is
	 * printed.
	 */
	private static double plainPosts(Receiver receiver, int count) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String body = "{\"type\":\"contact.changed\",\"timestamp\":\"2026-11-30T00:00:00Z\",\"data\":{\"id\":\"evt_1\","
				+ "\"changes\":{\"phoneNo\":{\"old\":\"+47 22 33 44 55\",\"new\":\"+47 1\"}},\"pad\":\""
				+ "x".repeat(400) + "\"}}";
		int resent = 0;
		long began = System.nanoTime();
		for (int i = 0; i < count; i++) {
			HttpRequest post = HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + receiver.port() + "/plain"))
				.header("Content-Type", "application/json")
				.header("webhook-id", "plain_" + i)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			try {
				http.send(post, HttpResponse.BodyHandlers.discarding());
			}
			catch (java.io.IOException closed) {
				resent++;
				http.send(post, HttpResponse.BodyHandlers.discarding());
			}
		}
		double rate = count / ((System.nanoTime() - began) / 1e9);
		System.out.printf("P7b baseline: %d plain posts, %d sent again after their connection closed%n", count, resent);
		return rate;
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

	/**
	 * A receiver on the loopback that answers 204 to every delivery and counts them once by
	 * id. It stands in for a subscriber's own machine: it reads each request whole (its
	 * headers, the webhook-id, the body by its length) and answers on the kept-alive
	 * connection, a thread a connection, in as little of the machine as that takes. On one
	 * 2-core machine whatever the receiver spends is taken from the PATCHes as if it were
	 * the outbox's cost; Java's built-in HTTP server spent about half as much again as this
	 * per exchange (bench/README.md, P7).
	 */
	static final class Receiver implements AutoCloseable {

		private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n"
			.getBytes(StandardCharsets.US_ASCII);

		private final ServerSocket server;

		private final Set<String> ids = ConcurrentHashMap.newKeySet();

		/** Connections taken: what the service's keep-alive spares it (and the receiver). */
		private final AtomicLong connections = new AtomicLong();

		private Receiver(ServerSocket server) {
			this.server = server;
		}

		static Receiver start() throws IOException {
			Receiver receiver = new Receiver(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
			Thread accepting = new Thread(() -> {
				while (!receiver.server.isClosed()) {
					try {
						Socket socket = receiver.server.accept();
						receiver.connections.incrementAndGet();
						Thread connection = new Thread(() -> receiver.serve(socket), "bench-receiver");
						connection.setDaemon(true);
						connection.start();
					}
					catch (IOException closed) {
						return;
					}
				}
			}, "bench-receiver-accept");
			accepting.setDaemon(true);
			accepting.start();
			return receiver;
		}

		/** Requests one after the other on one connection, until the client closes it. */
		private void serve(Socket socket) {
			try (socket) {
				socket.setTcpNoDelay(true);
				InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
				OutputStream out = socket.getOutputStream();
				StringBuilder line = new StringBuilder();
				while (true) {
					String requestLine = readLine(in, line);
					if (requestLine == null) {
						return;
					}
					if (requestLine.isEmpty()) {
						continue;
					}
					int length = 0;
					String id = null;
					boolean close = false;
					for (String header = readLine(in, line); header != null && !header.isEmpty(); header = readLine(in,
							line)) {
						int colon = header.indexOf(':');
						String name = colon < 0 ? header : header.substring(0, colon).trim();
						String value = colon < 0 ? "" : header.substring(colon + 1).trim();
						if (name.equalsIgnoreCase("Content-Length")) {
							length = Integer.parseInt(value);
						}
						else if (name.equalsIgnoreCase("webhook-id")) {
							id = value;
						}
						else if (name.equalsIgnoreCase("Connection")) {
							close = value.equalsIgnoreCase("close");
						}
					}
					if (in.readNBytes(length).length < length) {
						return;
					}
					if (id != null && requestLine.startsWith("POST /hook ")) {
						ids.add(id);
					}
					out.write(NO_CONTENT);
					out.flush();
					if (close) {
						return;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// the client went away: so does the connection
			}
		}

		/** A line without its CR LF; null at the end of the stream. */
		private static String readLine(InputStream in, StringBuilder line) throws IOException {
			line.setLength(0);
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					return null;
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		int port() {
			return server.getLocalPort();
		}

		/** Distinct events received. */
		long count() {
			return ids.size();
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

}
