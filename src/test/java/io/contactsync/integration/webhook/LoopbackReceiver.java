package io.contactsync.integration.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import io.contactsync.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.fail;

/**
 * A webhook receiver on the loopback: keeps every request it gets, in order, and answers
 * with the statuses it was told to (then 204).
 */
final class LoopbackReceiver implements AutoCloseable {

	/**
	 * One request as it arrived.
	 *
	 * @param arrived when, by {@link System#nanoTime()}
	 */
	record Received(String id, String timestamp, String signature, String body, long arrived) {

		JsonNode json() {
			return Api.JSON.readTree(body);
		}

		JsonNode data() {
			return json().get("data");
		}

	}

	private final HttpServer server;

	private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

	private volatile int otherwise = 204;

	private volatile CountDownLatch held = new CountDownLatch(0);

	LoopbackReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/hook", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				var headers = exchange.getRequestHeaders();
				received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
						headers.getFirst("webhook-signature"), body, System.nanoTime()));
			}
			try {
				held.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Integer status = answers.poll();
			exchange.sendResponseHeaders(status == null ? otherwise : status, -1);
			exchange.close();
		});
		// a thread per request, as a real receiver has: deliveries of different records
		// come side by side, and one held unanswered must not hold up the others
		server.setExecutor(threads);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** The next requests are answered with these statuses, in order. */
	LoopbackReceiver answering(Integer... statuses) {
		answers.addAll(List.of(statuses));
		return this;
	}

	/**
	 * Requests are taken, and answered only once the latch is open: a receiver that
	 * hangs.
	 */
	LoopbackReceiver holdingAnswersUntil(CountDownLatch open) {
		held = open;
		return this;
	}

	/** Every request from now on is answered with this status. */
	LoopbackReceiver alwaysAnswering(int status) {
		otherwise = status;
		return this;
	}

	/** Everything that arrived so far, in order of arrival. */
	List<Received> all() {
		return List.copyOf(received);
	}

	/** What arrived so far about one record, in order of arrival. */
	List<Received> about(String no) {
		List<Received> found = new ArrayList<>();
		for (Received request : received) {
			if (no.equals(request.data().path("no").asString(""))) {
				found.add(request);
			}
		}
		return found;
	}

	/**
	 * The first request of each event, in order of arrival: what a receiver takes when it
	 * drops a repeated delivery by its webhook-id.
	 */
	static List<Received> firstOfEach(List<Received> requests) {
		Set<String> seen = new HashSet<>();
		List<Received> first = new ArrayList<>();
		for (Received request : requests) {
			if (seen.add(request.id())) {
				first.add(request);
			}
		}
		return first;
	}

	/**
	 * Waits until the requests about a record satisfy the condition; fails after the wait
	 * with what arrived.
	 */
	List<Received> awaitAbout(String no, Predicate<List<Received>> done) {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until) {
			List<Received> found = about(no);
			if (done.test(found)) {
				return found;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return fail("The receiver did not get what was expected about " + no + "; it got " + about(no));
	}

	@Override
	public void close() {
		held.countDown();
		while (held.getCount() > 0) {
			held.countDown();
		}
		server.stop(0);
		threads.shutdownNow();
	}

}
