package io.contactsync.integration.webhook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.integration.FeedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One delivery's exchange with receivers that behave badly at the HTTP level: written
 * against plain sockets, so that each misbehaviour is exactly the one named.
 */
class WebhookSenderTest {

	private final WebhookSettings settings = new WebhookSettings(true, Duration.ofSeconds(10), Duration.ofHours(1),
			Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1),
			Duration.ofSeconds(1), 100, 4, 8, Duration.ofDays(30), Duration.ofMillis(50));

	private final WebhookSender sender = new WebhookSender(settings,
			new ReceiverAddresses(true, InetAddress::getAllByName));

	private final List<ServerSocket> servers = new CopyOnWriteArrayList<>();

	private final String secret = WebhookSignature.newSecret();

	@AfterEach
	void close() throws IOException {
		sender.stop();
		for (ServerSocket server : servers) {
			server.close();
		}
	}

	@Test
	void aConnectionTheReceiverClosedWhileIdleIsReplacedAndTheEventDelivered() throws Exception {
		List<String> ids = new CopyOnWriteArrayList<>();
		Semaphore closed = new Semaphore(0);
		// answers, then closes the connection without saying so
		String url = receiver(socket -> {
			ids.add(readRequest(new BufferedInputStream(socket.getInputStream())));
			answer(socket, "HTTP/1.1 204 No Content\r\n\r\n");
			socket.close();
			closed.release();
		});

		for (int i = 1; i <= 3; i++) {
			WebhookSender.Outcome outcome = sender.send(url, secret, event(i));

			assertThat(outcome.delivered()).as("event %d: %s", i, outcome.error()).isTrue();
			assertThat(outcome.status()).isEqualTo(204);
			assertThat(closed.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(ids).containsExactly("evt_1", "evt_2", "evt_3");
	}

	@Test
	void aRefusalWithABodyLeavesTheConnectionFitForTheNextEvent() throws Exception {
		List<String> ids = new CopyOnWriteArrayList<>();
		String url = receiver(socket -> {
			BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
			ids.add(readRequest(in));
			answer(socket, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n"
					+ "try later");
			ids.add(readRequest(in));
			answer(socket, "HTTP/1.1 204 No Content\r\n\r\n");
		});

		WebhookSender.Outcome refused = sender.send(url, secret, event(1));
		WebhookSender.Outcome taken = sender.send(url, secret, event(2));

		assertThat(refused.delivered()).isFalse();
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.error()).isEqualTo("The receiver answered 503");
		assertThat(taken.delivered()).as(taken.error()).isTrue();
		assertThat(ids).as("both on the one connection").containsExactly("evt_1", "evt_2");
	}

	@Test
	void anAnswerThatTricklesIsCutOffAtTheTimeout() throws Exception {
		// each byte comes well within the read timeout, the whole answer never
		String url = receiver(socket -> {
			readRequest(new BufferedInputStream(socket.getInputStream()));
			OutputStream out = socket.getOutputStream();
			for (byte b : "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII)) {
				out.write(b);
				out.flush();
			}
			for (int i = 0; i < 100; i++) {
				out.write('z');
				out.flush();
				Thread.sleep(200);
			}
		});

		WebhookSender.Outcome outcome = sender.send(url, secret, event(1));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.status()).isNull();
		assertThat(outcome.error()).isEqualTo("The receiver did not answer in full within 2 s");
	}

	@Test
	void aRedirectIsNotFollowed() throws Exception {
		List<String> ids = new CopyOnWriteArrayList<>();
		String url = receiver(socket -> {
			ids.add(readRequest(new BufferedInputStream(socket.getInputStream())));
			answer(socket, "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n");
		});

		WebhookSender.Outcome outcome = sender.send(url, secret, event(1));

		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.status()).isEqualTo(302);
		assertThat(outcome.error()).isEqualTo("The receiver answered 302 (redirects are not followed)");
		assertThat(ids).containsExactly("evt_1");
	}

	@Test
	void stoppingCutsOffAnExchangeWaitingOnItsReceiver() throws Exception {
		CountDownLatch arrived = new CountDownLatch(1);
		WebhookSender patient = new WebhookSender(
				new WebhookSettings(true, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
						Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(5),
						100, 4, 8, Duration.ofDays(30), Duration.ofMillis(50)),
				new ReceiverAddresses(true, InetAddress::getAllByName));
		String url = receiver(socket -> {
			readRequest(new BufferedInputStream(socket.getInputStream()));
			arrived.countDown();
			Thread.sleep(Duration.ofMinutes(5).toMillis());
		});
		CompletableFuture<WebhookSender.Outcome> sending = CompletableFuture
			.supplyAsync(() -> patient.send(url, secret, event(1)));
		assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

		patient.stop();

		WebhookSender.Outcome outcome = sending.get(30, TimeUnit.SECONDS);
		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.error()).startsWith("Not delivered: ");
	}

	/**
	 * Eight lanes delivering at once keep their eight connections for the next round:
	 * Java would keep only five of them idle unless told otherwise, and open three anew
	 * every round.
	 */
	@Test
	void everyLaneKeepsItsConnectionForTheNextRound() throws Exception {
		int lanes = settings.lanes();
		AtomicInteger connections = new AtomicInteger();
		AtomicInteger requests = new AtomicInteger();
		CountDownLatch[] allInFlight = { new CountDownLatch(lanes), new CountDownLatch(lanes) };
		// holds each answer until every lane of the round has sent, so that each needs a
		// connection of its own
		String url = receiver(socket -> {
			connections.incrementAndGet();
			BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
			while (true) {
				readRequest(in);
				CountDownLatch round = allInFlight[Math.min(1, requests.getAndIncrement() / lanes)];
				round.countDown();
				round.await(30, TimeUnit.SECONDS);
				answer(socket, "HTTP/1.1 204 No Content\r\n\r\n");
			}
		});
		ExecutorService lanesPool = Executors.newFixedThreadPool(lanes);
		try {
			for (int round = 0; round < 2; round++) {
				List<Future<WebhookSender.Outcome>> sent = new ArrayList<>();
				for (int lane = 0; lane < lanes; lane++) {
					int n = round * lanes + lane + 1;
					sent.add(lanesPool.submit(() -> sender.send(url, secret, event(n))));
				}
				for (Future<WebhookSender.Outcome> outcome : sent) {
					assertThat(outcome.get(30, TimeUnit.SECONDS).delivered()).isTrue();
				}
			}
		}
		finally {
			lanesPool.shutdownNow();
		}

		assertThat(requests.get()).isEqualTo(2 * lanes);
		assertThat(connections.get()).as("connections opened over two rounds").isEqualTo(lanes);
	}

	@Test
	void aDeliveryBodyIsTheEventUnderItsTypeAndTime() {
		FeedEvent event = new FeedEvent(7, "evt_7", "contact.\"odd\"", "CONTACT", "K1", null,
				OffsetDateTime.parse("2026-12-01T12:00:00+01:00"), "{\"id\":\"evt_7\"}");

		JsonNode body = JsonMapper.builder().build().readTree(WebhookSender.body(event));

		assertThat(body.get("type").asString()).isEqualTo("contact.\"odd\"");
		assertThat(body.get("timestamp").asString()).isEqualTo("2026-12-01T11:00:00Z");
		assertThat(body.get("data").get("id").asString()).isEqualTo("evt_7");
	}

	private interface Conversation {

		void with(Socket socket) throws Exception;

	}

	/** A receiver on the loopback that holds each connection's conversation. */
	private String receiver(Conversation conversation) throws IOException {
		ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		servers.add(server);
		Thread accepting = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket socket = server.accept();
					Thread talking = new Thread(() -> {
						try (socket) {
							conversation.with(socket);
						}
						catch (Exception ex) {
							// the client hung up
						}
					});
					talking.setDaemon(true);
					talking.start();
				}
				catch (IOException closed) {
					return;
				}
			}
		});
		accepting.setDaemon(true);
		accepting.start();
		return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
	}

	/** Reads one request whole from the connection's stream; its webhook-id. */
	private static String readRequest(InputStream in) throws IOException {
		int length = 0;
		String id = null;
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			String lower = line.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(15).trim());
			}
			else if (lower.startsWith("webhook-id:")) {
				id = line.substring(11).trim();
			}
		}
		in.readNBytes(length);
		return id;
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new IOException("the client hung up");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	private static void answer(Socket socket, String answer) throws IOException {
		socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	private static FeedEvent event(int n) {
		return new FeedEvent(n, "evt_" + n, "contact.changed", "CONTACT", "K" + n, null, OffsetDateTime.now(),
				"{\"id\":\"evt_" + n + "\"}");
	}

}
