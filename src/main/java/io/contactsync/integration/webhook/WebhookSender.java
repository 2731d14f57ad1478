package io.contactsync.integration.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.contactsync.integration.FeedEvent;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

import org.springframework.stereotype.Component;

/**
 * Posts one event to one receiver, signed, and says what came of it. Redirects are not
 * followed (a receiver must not send the delivery on to an address nobody checked), and a
 * receiver gets a few seconds to connect and to answer in full: one that hangs costs its
 * own endpoint time, never a user's write, which committed long before.
 * <p>
 * A delivery is a blocking exchange on the sending lane's own thread, over a connection
 * kept alive for the next one ({@link HttpURLConnection}). Java's asynchronous client
 * hands each step of an exchange between threads, which made a delivery cost several
 * times the machine's time; what a delivery costs is what a subscriber takes from the
 * users' writes on the same machine (bench/README.md, P7).
 */
@Component
class WebhookSender {

	private static final JsonStringEncoder JSON_STRINGS = JsonStringEncoder.getInstance();

	private final ReceiverAddresses addresses;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	/**
	 * Cuts off an exchange that outlasts its time, however slowly its answer trickles:
	 * one look over the exchanges under way every 100 ms. (A timer set and cancelled for
	 * each exchange woke this thread at every delivery: 6 of a lane's 37 samples in a
	 * profile of P7a, bench/README.md.)
	 */
	private final ScheduledThreadPoolExecutor deadlines;

	/** The exchanges under way, cut off when late, and at once when the service stops. */
	private final Set<Exchange> underWay = ConcurrentHashMap.newKeySet();

	private volatile boolean stopped;

	WebhookSender(WebhookSettings settings, ReceiverAddresses addresses) {
		this.addresses = addresses;
		this.connectTimeout = settings.connectTimeout();
		this.readTimeout = settings.readTimeout();
		this.deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "contactsync-webhook-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.scheduleWithFixedDelay(this::cutOffLate, 100, 100, TimeUnit.MILLISECONDS);
		// Java keeps at most http.maxConnections idle connections to one receiver (5
		// unless set), read once, at its first use: with more lanes than that, each
		// round of deliveries would open the others anew.
		if (System.getProperty("http.maxConnections") == null) {
			System.setProperty("http.maxConnections", Integer.toString(Math.max(5, settings.lanes())));
		}
	}

	/** An exchange under way, and when it must have ended. */
	private record Exchange(HttpURLConnection connection, long endsBy, AtomicBoolean timedOut) {
	}

	private void cutOffLate() {
		long now = System.nanoTime();
		for (Exchange exchange : underWay) {
			boolean late = now - exchange.endsBy() > 0;
			if (late || stopped) {
				exchange.timedOut().compareAndSet(false, late);
				exchange.connection().disconnect();
			}
		}
	}

	/**
	 * Ends the exchanges under way: the service stops, and a lane must not wait out a
	 * receiver.
	 */
	@PreDestroy
	void stop() {
		cutOffAll();
		deadlines.shutdownNow();
	}

	/**
	 * Stops sending: every exchange under way is cut off, their lanes see a failure and
	 * stop, and none starts any more. Called once the service stops.
	 */
	void cutOffAll() {
		stopped = true;
		underWay.forEach(exchange -> exchange.connection().disconnect());
	}

	/**
	 * What one attempt came to.
	 *
	 * @param status the receiver's HTTP status; null when it did not answer
	 * @param error what went wrong; null when it was delivered
	 */
	record Outcome(boolean delivered, @Nullable Integer status, long latencyMs, @Nullable String error) {
	}

	/**
	 * The body: {@code {"type", "timestamp", "data"}}, data being the event as the feed
	 * shows it.
	 */
	static String body(FeedEvent event) {
		StringBuilder body = new StringBuilder(event.json().length() + 80).append("{\"type\":\"");
		// (quoted by hand: a mapper's call cost a tenth of a delivery; an instant's text
		// needs no escaping)
		JSON_STRINGS.quoteAsString(event.type(), body);
		return body.append("\",\"timestamp\":\"")
			.append(event.at().toInstant())
			.append("\",\"data\":")
			.append(event.json())
			.append('}')
			.toString();
	}

	Outcome send(String url, String secret, FeedEvent event) {
		long started = System.nanoTime();
		URI uri = URI.create(url);
		try {
			addresses.checkHost(uri);
		}
		catch (ReceiverAddresses.Refused refused) {
			return new Outcome(false, null, elapsed(started), "The URL " + refused.getMessage());
		}
		byte[] body = body(event).getBytes(StandardCharsets.UTF_8);
		long timestamp = Instant.now().getEpochSecond();
		HttpURLConnection connection;
		try {
			connection = (HttpURLConnection) uri.toURL().openConnection();
			connection.setRequestMethod("POST");
		}
		catch (IOException | IllegalArgumentException ex) {
			return notDelivered(started, ex);
		}
		connection.setInstanceFollowRedirects(false);
		connection.setUseCaches(false);
		connection.setConnectTimeout(millis(connectTimeout));
		connection.setReadTimeout(millis(readTimeout));
		// Not streamed: a body held whole can be sent again at once when a kept-alive
		// connection turns out to have been closed by the receiver meanwhile.
		connection.setDoOutput(true);
		connection.setRequestProperty("Content-Type", "application/json");
		connection.setRequestProperty("Accept", "*/*");
		connection.setRequestProperty("User-Agent", "ContactSync-Webhooks");
		connection.setRequestProperty("webhook-id", event.id());
		connection.setRequestProperty("webhook-timestamp", Long.toString(timestamp));
		connection.setRequestProperty("webhook-signature", WebhookSignature.sign(secret, event.id(), timestamp, body));
		// The read timeout is per read; the sweep covers an answer that trickles, and a
		// stop that came before the exchange had its connection. (Until the exchange
		// ends: a connection cut off may be opened once more.)
		Exchange exchange = new Exchange(connection, started + connectTimeout.plus(readTimeout).toNanos(),
				new AtomicBoolean());
		underWay.add(exchange);
		try {
			if (stopped) {
				return new Outcome(false, null, elapsed(started), "Not delivered: the service is stopping");
			}
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			int status = connection.getResponseCode();
			// Closed unread: the connection goes back to be kept alive, its rest skipped
			// in the background, and a long answer is not waited for.
			InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
			if (answer != null) {
				answer.close();
			}
			boolean delivered = status >= 200 && status < 300;
			return new Outcome(delivered, status, elapsed(started), delivered ? null
					: "The receiver answered " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""));
		}
		// (a connection cut off from another thread may fail with other than an
		// IOException)
		catch (IOException | RuntimeException ex) {
			connection.disconnect();
			return failed(started, ex, exchange.timedOut().get());
		}
		finally {
			underWay.remove(exchange);
		}
	}

	private Outcome failed(long started, Exception ex, boolean timedOut) {
		if (timedOut) {
			return new Outcome(false, null, elapsed(started), "The receiver did not answer in full within "
					+ connectTimeout.plus(readTimeout).toSeconds() + " s");
		}
		if (stopped || Thread.currentThread().isInterrupted()) {
			return new Outcome(false, null, elapsed(started), "Not delivered: the service is stopping");
		}
		if (ex instanceof SocketTimeoutException timeout) {
			boolean connecting = timeout.getMessage() != null
					&& timeout.getMessage().toLowerCase(Locale.ROOT).contains("connect");
			return new Outcome(false, null, elapsed(started),
					connecting ? "The receiver did not take the connection within " + connectTimeout.toSeconds() + " s"
							: "The receiver did not answer within " + readTimeout.toSeconds() + " s");
		}
		return notDelivered(started, ex);
	}

	private static int millis(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

	private static Outcome notDelivered(long started, Exception ex) {
		String what = ex.getMessage() == null ? ex.getClass().getSimpleName()
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
		return new Outcome(false, null, elapsed(started), "Not delivered: " + abbreviated(what));
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static String abbreviated(String text) {
		return text.length() > 400 ? text.substring(0, 400) : text;
	}

}
