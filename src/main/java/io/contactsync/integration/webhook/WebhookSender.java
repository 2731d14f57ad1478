package io.contactsync.integration.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.contactsync.integration.FeedEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Posts one event to one receiver, signed, and says what came of it. Redirects are not
 * followed (a receiver must not send the delivery on to an address nobody checked), and a
 * receiver gets a few seconds to connect and to answer in full: one that hangs costs its
 * own endpoint time, never a user's write, which committed long before.
 */
@Component
class WebhookSender {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final ReceiverAddresses addresses;

	private final Duration readTimeout;

	WebhookSender(WebhookSettings settings, ReceiverAddresses addresses) {
		this.addresses = addresses;
		this.readTimeout = settings.readTimeout();
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(settings.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
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
		return "{\"type\":" + JSON.writeValueAsString(event.type()) + ",\"timestamp\":"
				+ JSON.writeValueAsString(event.at().toInstant().toString()) + ",\"data\":" + event.json() + "}";
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
		String body = body(event);
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(readTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "ContactSync-Webhooks")
			.header("webhook-id", event.id())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(secret, event.id(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
		try {
			// The request's timeout covers the headers; this covers a body that trickles.
			int status = answer.get(readTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS).statusCode();
			boolean delivered = status >= 200 && status < 300;
			return new Outcome(delivered, status, elapsed(started), delivered ? null
					: "The receiver answered " + status + (status / 100 == 3 ? " (redirects are not followed)" : ""));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			return new Outcome(false, null, elapsed(started),
					"The receiver did not answer within " + readTimeout.toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			String what = cause.getMessage() == null ? cause.getClass().getSimpleName()
					: cause.getClass().getSimpleName() + ": " + cause.getMessage();
			return new Outcome(false, null, elapsed(started), "Not delivered: " + abbreviated(what));
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			return new Outcome(false, null, elapsed(started), "Not delivered: the service is stopping");
		}
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static String abbreviated(String text) {
		return text.length() > 400 ? text.substring(0, 400) : text;
	}

}
