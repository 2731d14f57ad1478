package io.contactsync.integration.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.contactsync.integration.ChangeFeed;
import io.contactsync.integration.FeedEvent;
import io.contactsync.integration.FeedFilter;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.contactsync.support.NewRecord.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks as an administrator and a receiver see them: a receiver on the loopback gets
 * each committed change, signed (checked here by an implementation of the specification
 * of its own), in order per record, again after its errors, and its endpoint is disabled
 * once it failed for longer than the patience (3 s in the tests, see ApiTest).
 */
class WebhookApiTest extends DemoCompanyApiTest {

	@Autowired
	ChangeFeed feed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebhookSettings settings;

	private final List<LoopbackReceiver> receivers = new ArrayList<>();

	private final List<Long> endpoints = new ArrayList<>();

	@AfterEach
	void deleteWhatTheTestMade() {
		endpoints.forEach(id -> admin().header("If-Match", "*").delete("/api/v1/webhooks/" + id));
		receivers.forEach(LoopbackReceiver::close);
	}

	private LoopbackReceiver receiver() throws Exception {
		LoopbackReceiver receiver = new LoopbackReceiver();
		receivers.add(receiver);
		return receiver;
	}

	/** An endpoint for the contacts' events; the answer holds its secret. */
	private JsonNode subscribe(LoopbackReceiver receiver) {
		Api.Response created = admin().post("/api/v1/webhooks", Map.of("url", receiver.url(), "recordTypes",
				List.of("CONTACT"), "description", "test receiver " + unique()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		endpoints.add(created.json().get("id").asLong());
		return created.json();
	}

	private String company() {
		return create(aCompany().named("Webhook " + unique() + " AS")).get("no").asString();
	}

	private void rename(String no, String name) {
		long version = admin().get("/api/v1/contacts/" + no).version();
		Api.Response patched = admin().ifMatch(version).patch("/api/v1/contacts/" + no, Map.of("name", name));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

	private static Set<String> distinctIds(List<LoopbackReceiver.Received> received) {
		Set<String> ids = new LinkedHashSet<>();
		received.forEach(request -> ids.add(request.id()));
		return ids;
	}

	@Test
	void aReceiverGetsEachChangeSignedAsTheStandardSays() throws Exception {
		LoopbackReceiver receiver = receiver();
		String secret = subscribe(receiver).get("secret").asString();

		String no = company();
		rename(no, "Webhook Renamed " + unique() + " AS");

		List<LoopbackReceiver.Received> got = receiver.awaitAbout(no, found -> found.size() >= 2);
		for (LoopbackReceiver.Received request : got) {
			assertThat(StandardWebhooksVerifier.verifies(secret, request.id(), request.timestamp(), request.body(),
					request.signature()))
				.as("signature of %s", request.body())
				.isTrue();
			assertThat(request.data().get("id").asString()).as("webhook-id is the event's id").isEqualTo(request.id());
			assertThat(request.json().get("type").asString()).isEqualTo(request.data().get("type").asString());
			assertThat(request.json().has("timestamp")).isTrue();
		}
		assertThat(got).extracting(request -> request.json().get("type").asString())
			.containsExactly("contact.created", "contact.changed");
		assertThat(StandardWebhooksVerifier.verifies(WebhookSignature.newSecret(), got.get(0).id(),
				got.get(0).timestamp(), got.get(0).body(), got.get(0).signature()))
			.as("another secret does not verify")
			.isFalse();
	}

	@Test
	void aReceiverThatHangsDoesNotHoldUpWrites() throws Exception {
		CountDownLatch open = new CountDownLatch(1);
		LoopbackReceiver receiver = receiver().holdingAnswersUntil(open);
		subscribe(receiver);
		String first = company();
		receiver.awaitAbout(first, found -> found.size() == 1);

		// The receiver holds the first delivery unanswered; writes go on all the same.
		String second = company();
		rename(second, "Webhook Not Held " + unique() + " AS");

		assertThat(open.getCount()).as("the receiver still hangs").isEqualTo(1);
		assertThat(receiver.about(second)).as("nothing after the unanswered event yet").isEmpty();
		open.countDown();
		assertThat(receiver.awaitAbout(second, found -> found.size() >= 2)).hasSize(2);
	}

	@Test
	void differentRecordsAreSentSideBySideAndOneRecordsEventsInTurn() throws Exception {
		long before = feed.head();
		String first = company();
		rename(first, "Webhook Lane " + unique() + " AS");
		String second = company();
		CountDownLatch open = new CountDownLatch(1);
		LoopbackReceiver receiver = receiver().holdingAnswersUntil(open);
		long id = subscribe(receiver).get("id").asLong();

		// one batch from before both: the first record's creation is held unanswered
		admin().post("/api/v1/webhooks/" + id + "/replay", Map.of("after", before));

		// Delivery is at least once: on a machine so loaded that the hold below outlasts
		// the read timeout, the sender gives up on the held event and sends it again.
		// The receiver takes each event once, by its id, as the Standard Webhooks say.
		LoopbackReceiver.Received firstsCreation = receiver.awaitAbout(first, found -> !found.isEmpty()).get(0);
		LoopbackReceiver.Received secondsCreation = receiver.awaitAbout(second, found -> !found.isEmpty()).get(0);
		assertThat(receiver.about(first)).extracting(request -> request.data().get("version").asLong())
			.as("not the first record's next event before its first is taken")
			.containsOnly(1L);
		open.countDown();
		// Nothing is answered before the latch opens, so the second record's event came
		// while the first's was unanswered. A sender sending one event at a time would
		// send it only once it gave up on the first (the read timeout), and the wait
		// above allows that: it must have come well before.
		assertThat(java.time.Duration.ofNanos(secondsCreation.arrived() - firstsCreation.arrived()))
			.as("another record's event is sent while the first's is unanswered")
			.isLessThan(settings.readTimeout().dividedBy(2));
		assertThat(LoopbackReceiver.firstOfEach(receiver.awaitAbout(first, found -> distinctIds(found).size() >= 2)))
			.extracting(request -> request.data().get("version").asLong())
			.containsExactly(1L, 2L);
		assertThat(distinctIds(receiver.about(second))).containsExactly(secondsCreation.id());
	}

	@Test
	void theSecretIsShownOnlyWhenTheEndpointIsMade() throws Exception {
		JsonNode created = subscribe(receiver());
		long id = created.get("id").asLong();

		assertThat(created.get("secret").asString()).startsWith("whsec_");
		assertThat(admin().get("/api/v1/webhooks/" + id).json().get("secret").isNull()).isTrue();
		JsonNode listed = admin().get("/api/v1/webhooks?limit=1000").json().get("items");
		for (JsonNode webhook : listed) {
			assertThat(webhook.get("secret").isNull()).as(webhook.toString()).isTrue();
		}
	}

	@Test
	void aReceiverThatFailsGetsTheSameEventAgainAndNothingLaterBeforeIt() throws Exception {
		LoopbackReceiver receiver = receiver().answering(500, 503);
		long id = subscribe(receiver).get("id").asLong();

		String no = company();
		rename(no, "Webhook Second " + unique() + " AS");
		rename(no, "Webhook Third " + unique() + " AS");

		List<LoopbackReceiver.Received> got = receiver.awaitAbout(no, found -> distinctIds(found).size() >= 3);
		assertThat(got).hasSize(5);
		assertThat(got.subList(0, 3)).extracting(LoopbackReceiver.Received::id)
			.as("the created event, until it is taken, before any other")
			.containsOnly(got.get(0).id());
		assertThat(got).extracting(request -> request.data().get("version").asLong())
			.containsExactly(1L, 1L, 1L, 2L, 3L);
		List<JsonNode> log = awaitDeliveries(id, 5);
		JsonNode created = log.get(log.size() - 1);
		assertThat(log)
			.extracting(entry -> entry.get("eventId").asString() + " " + entry.get("attempt").asInt() + " "
					+ entry.get("status").asString() + " " + entry.get("responseCode").asInt())
			.endsWith(got.get(0).id() + " 3 DELIVERED 204", got.get(0).id() + " 2 FAILED 503",
					got.get(0).id() + " 1 FAILED 500");
		assertThat(created.get("latencyMs").asLong()).isNotNegative();

		JsonNode failures = admin().get("/actuator/metrics/contactsync.webhooks.failures?tag=endpoint:" + id).json();
		assertThat(failures.get("measurements").get(0).get("value").asDouble()).isEqualTo(2.0);
		JsonNode timed = admin().get("/actuator/metrics/contactsync.webhooks.delivery?tag=outcome:delivered").json();
		assertThat(timed.get("measurements").get(0).get("value").asDouble()).as("delivered attempts timed")
			.isGreaterThanOrEqualTo(3.0);
		JsonNode lag = awaitMetric("contactsync.webhooks.lag?tag=endpoint:" + id);
		assertThat(lag.get("measurements").get(0).get("value").asDouble()).isNotNegative();
	}

	private JsonNode awaitMetric(String query) throws InterruptedException {
		long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		Api.Response metric = admin().get("/actuator/metrics/" + query);
		while (metric.status() != 200 && System.nanoTime() < until) {
			Thread.sleep(50);
			metric = admin().get("/actuator/metrics/" + query);
		}
		assertThat(metric.status()).as(metric.toString()).isEqualTo(200);
		return metric.json();
	}

	@Test
	void anEndpointWhoseReceiverFailsLongerThanThePatienceIsDisabledAndTheFeedSaysSo() throws Exception {
		LoopbackReceiver receiver = receiver().alwaysAnswering(500);
		long id = subscribe(receiver).get("id").asLong();

		company();

		JsonNode webhook = awaitWebhook(id, found -> !found.get("enabled").asBoolean());
		assertThat(webhook.get("disabledReason").asString()).contains("500");
		assertThat(webhook.get("disabledAt").isNull()).isFalse();
		// The feed numbers committed events a moment after their commit.
		FeedFilter disabledEvents = new FeedFilter(Set.of("webhook.disabled"), Set.of(), null);
		long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		List<FeedEvent> disabled = feed.read(0, 100_000, disabledEvents);
		while (disabled.stream().noneMatch(event -> event.no().equals(Long.toString(id)))
				&& System.nanoTime() < until) {
			Thread.sleep(20);
			disabled = feed.read(0, 100_000, disabledEvents);
		}
		assertThat(disabled).extracting(FeedEvent::no).contains(Long.toString(id));
		JsonNode logged = admin().get("/api/v1/change-log?recordType=WEBHOOK&no=" + id).json().get("items");
		assertThat(logged.toString()).contains("disabledReason");

		receiver.alwaysAnswering(204);
		long version = admin().get("/api/v1/webhooks/" + id).version();
		JsonNode enabled = admin().ifMatch(version).patch("/api/v1/webhooks/" + id, Map.of("enabled", true)).json();
		assertThat(enabled.get("enabled").asBoolean()).isTrue();
		assertThat(enabled.get("disabledReason").isNull()).isTrue();
	}

	@Test
	void anAdministratorRedeliversOneEventAndReplaysFromAPoint() throws Exception {
		LoopbackReceiver receiver = receiver();
		long id = subscribe(receiver).get("id").asLong();
		String no = company();
		rename(no, "Webhook Replayed " + unique() + " AS");
		List<LoopbackReceiver.Received> got = receiver.awaitAbout(no, found -> found.size() >= 2);
		JsonNode first = awaitDeliveries(id, 2).get(1);
		assertThat(first.get("eventId").asString()).isEqualTo(got.get(0).id());

		Api.Response redelivered = admin()
			.post("/api/v1/webhooks/" + id + "/deliveries/" + first.get("id").asLong() + "/redeliver", null);

		assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
		assertThat(redelivered.json().get("redelivery").asBoolean()).isTrue();
		assertThat(redelivered.json().get("attempt").asInt()).isEqualTo(2);
		assertThat(receiver.about(no)).extracting(LoopbackReceiver.Received::id)
			.containsExactly(got.get(0).id(), got.get(1).id(), got.get(0).id());

		Api.Response replayed = admin().post("/api/v1/webhooks/" + id + "/replay",
				Map.of("after", first.get("position").asLong() - 1));

		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
		List<LoopbackReceiver.Received> again = receiver.awaitAbout(no, found -> found.size() >= 5);
		assertThat(again).extracting(LoopbackReceiver.Received::id)
			.startsWith(got.get(0).id(), got.get(1).id(), got.get(0).id(), got.get(0).id(), got.get(1).id());
	}

	@Test
	void aReplayPointInTheFutureOrBeforeTheStartIsRefused() throws Exception {
		long id = subscribe(receiver()).get("id").asLong();

		assertProblem(admin().post("/api/v1/webhooks/" + id + "/replay", Map.of("after", feed.head() + 1000)), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/webhooks/" + id + "/replay", Map.of("after", -1)), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/webhooks/" + id + "/replay", "{\"after\": \"yesterday\"}"), 400,
				"MALFORMED_REQUEST");
		assertProblem(admin().post("/api/v1/webhooks/999999999/replay", Map.of("after", 0)), 404, "NOT_FOUND");
	}

	@Test
	void aReplayPointOrARedeliveryBeyondTheRetentionIsGone() throws Exception {
		LoopbackReceiver receiver = receiver();
		long id = subscribe(receiver).get("id").asLong();
		String no = company();
		receiver.awaitAbout(no, found -> !found.isEmpty());
		JsonNode delivered = awaitDeliveries(id, 1).get(0);
		long purged = jdbc.sql("SELECT purged_through FROM change_feed WHERE id = 1").query(Long.class).single();
		// As the retention does after 30 days: every event so far is gone.
		jdbc.sql("UPDATE change_feed SET purged_through = last_position WHERE id = 1").update();
		try {
			assertProblem(admin().post("/api/v1/webhooks/" + id + "/replay",
					Map.of("after", delivered.get("position").asLong() - 1)), 410, "CURSOR_EXPIRED");
			assertProblem(admin()
				.post("/api/v1/webhooks/" + id + "/deliveries/" + delivered.get("id").asLong() + "/redeliver", null),
					410, "CURSOR_EXPIRED");
		}
		finally {
			jdbc.sql("UPDATE change_feed SET purged_through = ? WHERE id = 1").param(purged).update();
		}
	}

	@Autowired
	DeliveryLog deliveryLog;

	@Test
	void theDeliveryLogKeepsAttemptsForItsRetentionOnly() throws Exception {
		LoopbackReceiver receiver = receiver();
		long id = subscribe(receiver).get("id").asLong();
		String no = company();
		rename(no, "Webhook Kept " + unique() + " AS");
		receiver.awaitAbout(no, found -> found.size() >= 2);
		List<JsonNode> log = awaitDeliveries(id, 2);
		jdbc.sql("UPDATE webhook_delivery SET at = now() - interval '31 days' WHERE id = ?")
			.param(log.get(1).get("id").asLong())
			.update();

		deliveryLog.prune(java.time.Duration.ofDays(30));

		assertThat(awaitDeliveries(id, 1)).extracting(entry -> entry.get("id").asLong())
			.containsExactly(log.get(0).get("id").asLong());
	}

	/** The delivery log, newest first, once it has at least so many entries. */
	private List<JsonNode> awaitDeliveries(long id, int atLeast) throws InterruptedException {
		long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		List<JsonNode> log = new ArrayList<>();
		do {
			log.clear();
			admin().get("/api/v1/webhooks/" + id + "/deliveries").json().get("items").forEach(log::add);
			if (log.size() >= atLeast) {
				return log;
			}
			Thread.sleep(20);
		}
		while (System.nanoTime() < until);
		assertThat(log).as("the delivery log").hasSizeGreaterThanOrEqualTo(atLeast);
		return log;
	}

	private JsonNode awaitWebhook(long id, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
		long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		JsonNode webhook = admin().get("/api/v1/webhooks/" + id).json();
		while (!done.test(webhook) && System.nanoTime() < until) {
			Thread.sleep(50);
			webhook = admin().get("/api/v1/webhooks/" + id).json();
		}
		assertThat(done.test(webhook)).as(webhook.toString()).isTrue();
		return webhook;
	}

}
