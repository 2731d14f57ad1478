package io.contactsync.integration.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.contactsync.platform.Message;
import io.contactsync.integration.ChangeFeed;
import io.contactsync.integration.FeedEvent;
import io.contactsync.integration.FeedFilter;
import io.contactsync.platform.Actor;
import io.contactsync.platform.AfterCommit;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints for administrators: made with a secret shown once, changed, deleted;
 * their delivery log, a redelivery of one event, and a replay from a point of the change
 * feed. The same service answers {@code /api/v1/webhooks} and the web UI.
 */
@Service
public class Webhooks {

	private final JdbcClient jdbc;

	private final WebhookRules rules;

	private final ChangeFeed feed;

	private final DeliveryLog log;

	private final WebhookSender sender;

	private final WebhookDispatcher dispatcher;

	private final WebhookMetrics metrics;

	Webhooks(JdbcClient jdbc, WebhookRules rules, ChangeFeed feed, DeliveryLog log, WebhookSender sender,
			WebhookDispatcher dispatcher, WebhookMetrics metrics) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.feed = feed;
		this.log = log;
		this.sender = sender;
		this.dispatcher = dispatcher;
		this.metrics = metrics;
	}

	/** An event that has left the change feed's retention: 410. */
	static final class EventExpired extends ProblemException {

		EventExpired(String eventId) {
			super(HttpStatus.GONE, "CURSOR_EXPIRED", Message.of("detail.eventExpired", eventId));
		}

	}

	/** The event types an endpoint may subscribe to. */
	public Set<String> eventTypes() {
		return new TreeSet<>(feed.eventTypes());
	}

	/** The record types an endpoint may subscribe to. */
	public Set<String> recordTypes() {
		return new TreeSet<>(FeedFilter.RECORD_TYPES);
	}

	@Transactional(readOnly = true)
	public Page<Webhook> list(@Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		String after = Page.decode(cursor);
		long from;
		try {
			from = after == null ? 0 : Long.parseLong(after);
		}
		catch (NumberFormatException ex) {
			throw new Problems.MalformedRequest("cursor", "invalid.cursor");
		}
		List<Webhook> rows = jdbc.sql("SELECT * FROM webhook_endpoint WHERE id > ? ORDER BY id LIMIT ?")
			.params(from, size + 1)
			.query((rs, n) -> webhook(rs))
			.list();
		return Page.of(rows, size, webhook -> Long.toString(webhook.id()));
	}

	@Transactional(readOnly = true)
	public Webhook get(long id) {
		return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?")
			.param(id)
			.query((rs, n) -> webhook(rs))
			.optional()
			.orElseThrow(() -> notFound(id));
	}

	/**
	 * Makes an endpoint that receives the events committed from now on. The answer holds
	 * the secret, which is never shown again.
	 */
	@Transactional
	public Webhook create(WebhookRequest given) {
		WebhookRequest request = WebhookRules.normalized(given);
		rules.check(request);
		String secret = WebhookSignature.newSecret();
		String by = Actor.current().user();
		long id = jdbc.sql("""
				INSERT INTO webhook_endpoint (url, event_types, record_types, exclude_source_system, description,
					enabled, secret, delivery_cursor, created_by, updated_by)
				VALUES (?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(request.url(), array(request.eventTypes()), array(request.recordTypes()),
					request.excludeSourceSystem(), request.description(),
					request.enabled() == null || request.enabled(), secret, feed.head(), by, by)
			.query(Long.class)
			.single();
		return get(id).withSecret(secret);
	}

	/**
	 * Changes an endpoint as a JSON merge patch. Enabling a disabled endpoint clears its
	 * failures: delivery goes on from its cursor, with the event that failed.
	 */
	@Transactional
	public Webhook patch(long id, ExpectedVersion expected, JsonNode patch) {
		Webhook current = lock(id, expected);
		WebhookRequest changed = WebhookRules.normalized(WebhookRules.patched(current, patch));
		rules.check(changed);
		boolean enabled = Boolean.TRUE.equals(changed.enabled());
		boolean enabling = enabled && !current.enabled();
		// The worker in hand, if any, lets go: the next one delivers by the new settings.
		jdbc.sql("""
				UPDATE webhook_endpoint SET url = ?, event_types = ?::text[], record_types = ?::text[],
					exclude_source_system = ?, description = ?, enabled = ?,
					disabled_at = CASE WHEN ? THEN NULL ELSE disabled_at END,
					disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,
					failed_attempts = CASE WHEN ? THEN 0 ELSE failed_attempts END,
					first_failed_at = CASE WHEN ? THEN NULL ELSE first_failed_at END,
					next_attempt_at = CASE WHEN ? THEN NULL ELSE next_attempt_at END,
					lease_owner = NULL, lease_until = NULL,
					updated_at = now(), updated_by = ?, version = version + 1
				WHERE id = ?""")
			.params(changed.url(), array(changed.eventTypes()), array(changed.recordTypes()),
					changed.excludeSourceSystem(), changed.description(), enabled, enabling, enabling, enabling,
					enabling, enabling, Actor.current().user(), id)
			.update();
		AfterCommit.run(dispatcher::wake);
		return get(id);
	}

	@Transactional
	public void delete(long id, ExpectedVersion expected) {
		lock(id, expected);
		jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update();
	}

	@Transactional(readOnly = true)
	public Page<Delivery> deliveries(long id, @Nullable Integer limit, @Nullable String cursor) {
		get(id);
		return log.list(id, limit, cursor);
	}

	/**
	 * Delivers the event of a logged attempt once more, now, whatever became of it then;
	 * the endpoint's cursor stays where it is. Runs outside any transaction: the
	 * receiver's answer is what the administrator waits for.
	 */
	public Delivery redeliver(long id, long deliveryId) {
		Webhook webhook = get(id);
		Delivery logged = log.find(id, deliveryId)
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("WEBHOOK_DELIVERY"), id + "/" + deliveryId));
		FeedEvent event = feed.read(logged.position() - 1, 1, FeedFilter.all())
			.stream()
			.filter(found -> found.position() == logged.position())
			.findFirst()
			.orElseThrow(() -> new EventExpired(logged.eventId()));
		String secret = jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		WebhookSender.Outcome outcome = sender.send(webhook.url(), secret, event);
		metrics.attempted(id, outcome);
		List<Long> written = log
			.write(List.of(new DeliveryLog.Attempt(id, event, log.attemptsOf(id, event.id()) + 1, true, outcome)));
		return written.isEmpty() ? logged : log.find(id, written.get(0)).orElse(logged);
	}

	/**
	 * Delivers again every event after a point of the change feed (a position, as the
	 * feed's events carry it): the endpoint's cursor is set back, or forward to skip.
	 */
	@Transactional
	public Webhook replay(long id, @Nullable Long after) {
		if (after == null || after < 0) {
			throw new Problems.ValidationFailed("after", "invalid.replayPoint");
		}
		long head = feed.head();
		if (after > head) {
			throw new Problems.ValidationFailed("after", "invalid.feedCursorAhead", Long.toString(head));
		}
		// Throws CURSOR_EXPIRED (410) when the point lies before the retention.
		feed.read(after, 1, FeedFilter.all());
		lock(id, ExpectedVersion.any());
		jdbc.sql("""
				UPDATE webhook_endpoint SET delivery_cursor = ?, failed_attempts = 0, first_failed_at = NULL,
					next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL,
					updated_at = now(), updated_by = ?, version = version + 1
				WHERE id = ?""").params(after, Actor.current().user(), id).update();
		AfterCommit.run(dispatcher::wake);
		return get(id);
	}

	private Webhook lock(long id, ExpectedVersion expected) {
		Webhook current = jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> webhook(rs))
			.optional()
			.orElseThrow(() -> notFound(id));
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(Problems.kindName("WEBHOOK"), Long.toString(id), current.version());
		}
		return current;
	}

	private static Problems.NotFound notFound(long id) {
		return new Problems.NotFound(Problems.kindName("WEBHOOK"), Long.toString(id));
	}

	/** Names once each, in the order given, as PostgreSQL reads an array literal. */
	private static String array(@Nullable List<String> names) {
		if (names == null) {
			return "{}";
		}
		StringBuilder literal = new StringBuilder("{");
		for (String name : new LinkedHashSet<>(names)) {
			literal.append(literal.length() > 1 ? "," : "")
				.append('"')
				.append(name.replace("\\", "\\\\").replace("\"", "\\\""))
				.append('"');
		}
		return literal.append('}').toString();
	}

	private static Webhook webhook(ResultSet rs) throws SQLException {
		return new Webhook(rs.getLong("id"), rs.getString("url"), names(rs.getArray("event_types")),
				names(rs.getArray("record_types")), rs.getString("exclude_source_system"), rs.getString("description"),
				rs.getBoolean("enabled"), instant(rs.getTimestamp("disabled_at")), rs.getString("disabled_reason"),
				rs.getLong("delivery_cursor"), rs.getInt("failed_attempts"),
				instant(rs.getTimestamp("next_attempt_at")), rs.getTimestamp("created_at").toInstant(),
				rs.getLong("version"), null);
	}

	private static List<String> names(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
