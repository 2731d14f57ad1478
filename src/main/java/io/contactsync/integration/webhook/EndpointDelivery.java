package io.contactsync.integration.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.contactsync.integration.ChangeFeed;
import io.contactsync.integration.FeedEvent;
import io.contactsync.integration.FeedFilter;
import io.contactsync.platform.Actor;
import io.contactsync.platform.Backoff;
import io.contactsync.platform.ChangeOrigin;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the events of one endpoint this instance holds, in feed order per record: a
 * record's next event goes only once the one before was taken ({@link RecordLanes}).
 * Events are posted outside any transaction; what came of them (the new cursor, the
 * attempts for the log, a retry to wait for) is committed after each batch, with the
 * lease renewed. An event that fails is tried again per the backoff; once the patience is
 * spent the endpoint is disabled and {@link WebhookDisabled} published.
 */
@Component
class EndpointDelivery {

	private final JdbcClient jdbc;

	private final ChangeFeed feed;

	private final RecordLanes lanes;

	private final DeliveryLog log;

	private final EndpointLeases leases;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Backoff backoff;

	private final int batchSize;

	EndpointDelivery(JdbcClient jdbc, ChangeFeed feed, RecordLanes lanes, DeliveryLog log, EndpointLeases leases,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, WebhookSettings settings) {
		this.jdbc = jdbc;
		this.feed = feed;
		this.lanes = lanes;
		this.log = log;
		this.leases = leases;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.backoff = settings.backoff();
		this.batchSize = settings.batchSize();
	}

	/** An endpoint as its deliveries need it. */
	record Target(long id, String url, String secret, FeedFilter filter, long cursor, int failedAttempts) {
	}

	/** Delivers to a claimed endpoint until it has caught up, fails, or is let go of. */
	void deliver(long id) {
		while (!Thread.currentThread().isInterrupted()) {
			Optional<Target> held = held(id);
			if (held.isEmpty()) {
				return;
			}
			Target target = held.get();
			ChangeFeed.Stretch stretch;
			try {
				stretch = feed.stretch(target.cursor(), batchSize, target.filter());
			}
			catch (ChangeFeed.CursorExpired expired) {
				transaction.executeWithoutResult(
						status -> disable(id, "Its cursor lies before the retention of the change feed;"
								+ " replay from a later point and enable it again."));
				return;
			}
			List<FeedEvent> batch = stretch.events();
			if (target.failedAttempts() > 0 && !batch.isEmpty()) {
				// A retry sends the event that failed alone: the others of its batch that
				// were taken are not sent again at every retry.
				batch = batch.subList(0, 1);
			}
			long deadline = System.nanoTime() + leases.lease().dividedBy(3).toNanos();
			// Progress is committed, and the lease renewed, well before it runs out.
			RecordLanes.Sent sent = lanes.send(id, target.url(), target.secret(), batch, deadline);
			List<DeliveryLog.Attempt> attempts = new ArrayList<>();
			long cursor = target.cursor();
			boolean contiguous = true;
			int failedAttempts = 0;
			WebhookSender.Outcome failure = null;
			for (FeedEvent event : batch) {
				WebhookSender.Outcome outcome = sent.outcomes().get(event.position());
				// The first event of the batch is the one that failed before, if any did.
				int attempt = event == batch.get(0) ? target.failedAttempts() + 1 : 1;
				if (outcome != null) {
					attempts.add(new DeliveryLog.Attempt(id, event, attempt, false, outcome));
				}
				if (!contiguous) {
					continue;
				}
				if (outcome != null && outcome.delivered()) {
					cursor = event.position();
				}
				else {
					// The cursor stops before the first event not taken; events of other
					// records after it that were taken are sent again with it (at least
					// once; a receiver knows them by webhook-id).
					contiguous = false;
					if (outcome != null) {
						failure = outcome;
						failedAttempts = attempt;
					}
				}
			}
			boolean stopping = sent.stopping();
			// (a retry's batch of one says nothing of what follows it)
			boolean caughtUp = !stopping && contiguous && batch.size() == stretch.events().size()
					&& batch.size() < batchSize;
			if (caughtUp) {
				// Every event up to the feed's newest that this endpoint takes was in the
				// batch: the events it leaves out are not read again.
				cursor = Math.max(cursor, stretch.next());
			}
			boolean keepsFirstFailure = failure != null && failedAttempts > 1;
			if (stopping) {
				if (attempts.isEmpty()) {
					// Nothing to commit; a failure being retried keeps its count and
					// clock.
					return;
				}
				// Cleared, so the commit's connection is not refused for the interrupt.
				Thread.interrupted();
			}
			boolean stillHeld = commit(target, cursor, attempts, failedAttempts, keepsFirstFailure, failure);
			if (!stillHeld || failure != null || caughtUp || stopping || attempts.isEmpty()) {
				return;
			}
		}
	}

	private Optional<Target> held(long id) {
		return jdbc
			.sql("SELECT url, secret, event_types, record_types, exclude_source_system, delivery_cursor,"
					+ " failed_attempts FROM webhook_endpoint WHERE id = ? AND enabled AND lease_owner = ?")
			.params(id, leases.instance())
			.query((rs, n) -> new Target(id, rs.getString(1), rs.getString(2),
					new FeedFilter(Set.of((String[]) rs.getArray(3).getArray()),
							Set.of((String[]) rs.getArray(4).getArray()), rs.getString(5)),
					rs.getLong(6), rs.getInt(7)))
			.optional();
	}

	/**
	 * Commits a batch: the cursor, the attempts for the log, and for a failure when to
	 * try again, or the endpoint disabled once the patience is spent.
	 * @return whether this instance still holds the endpoint
	 */
	private boolean commit(Target target, long cursor, List<DeliveryLog.Attempt> attempts, int failedAttempts,
			boolean keepsFirstFailure, WebhookSender.@Nullable Outcome failure) {
		Boolean held = transaction.execute(status -> {
			log.write(attempts);
			long retryInMillis = failure == null ? 0 : backoff.after(failedAttempts).toMillis();
			Optional<Long> failingForMillis = jdbc.sql("""
					UPDATE webhook_endpoint SET delivery_cursor = :cursor, failed_attempts = :failed,
						first_failed_at = CASE WHEN :failed = 0 THEN NULL
							WHEN :keepFirst THEN coalesce(first_failed_at, now()) ELSE now() END,
						next_attempt_at = CASE WHEN :failed = 0 THEN NULL
							ELSE now() + :retry * interval '1 millisecond' END,
						lease_until = now() + :lease * interval '1 millisecond'
					WHERE id = :id AND lease_owner = :me AND enabled
					RETURNING floor(extract(epoch FROM now() - coalesce(first_failed_at, now())) * 1000)::bigint""")
				.param("cursor", cursor)
				.param("failed", failedAttempts)
				.param("keepFirst", keepsFirstFailure)
				.param("retry", retryInMillis)
				.param("lease", leases.lease().toMillis())
				.param("id", target.id())
				.param("me", leases.instance())
				.query(Long.class)
				.optional();
			if (failingForMillis.isEmpty()) {
				return false;
			}
			if (failure != null && backoff.givesUp(Duration.ofMillis(failingForMillis.get()))) {
				disable(target.id(), "The receiver failed " + failedAttempts + " attempts in a row for longer than "
						+ backoff.patience() + "; the last: " + failure.error());
				return false;
			}
			return true;
		});
		return Boolean.TRUE.equals(held);
	}

	/** Disables an endpoint in the caller's transaction, and tells so in an event. */
	private void disable(long id, String reason) {
		String shortened = reason.length() > 500 ? reason.substring(0, 500) : reason;
		int disabled = jdbc.sql("""
				UPDATE webhook_endpoint SET enabled = false, disabled_at = now(), disabled_reason = ?,
					lease_owner = NULL, lease_until = NULL, next_attempt_at = NULL,
					updated_at = now(), updated_by = ?, version = version + 1
				WHERE id = ? AND enabled""").params(shortened, Actor.SYSTEM, id).update();
		if (disabled == 1) {
			WebhookDisabled event = WebhookDisabled.of(id, shortened);
			Actor.runAs(new Actor(Actor.SYSTEM, ChangeOrigin.JOB), () -> events.publishEvent(event));
		}
	}

}
