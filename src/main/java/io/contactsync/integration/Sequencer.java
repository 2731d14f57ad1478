package io.contactsync.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed events their position in the feed, in the order they were written
 * (change_event's id), so that readers see them in commit order and never find a new
 * event behind a position they have passed. Positions are given only to committed rows
 * (the others are not visible yet), and one instance at a time does it, holding the lock
 * of change_feed's one row; the others skip their turn.
 *
 * Woken by each commit that wrote events on this instance, and every poll interval for
 * the commits of other instances. Also keeps the retention: events older than it go, and
 * the feed remembers up to where (CURSOR_EXPIRED below that).
 */
@Component
class Sequencer {

	private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

	/**
	 * Events numbered per transaction: large enough for a job's page, small enough to be
	 * quick.
	 */
	private static final int BATCH = 5000;

	private static final Duration RETENTION_EVERY = Duration.ofMinutes(10);

	private static final long WAKE_DELAY_MILLIS = 5;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final FeedSettings settings;

	private final Head head;

	private final AtomicBoolean queued = new AtomicBoolean();

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "contactsync-change-feed");
		thread.setDaemon(true);
		return thread;
	});

	private Instant nextRetention = Instant.EPOCH;

	private final ChangeFeed feed;

	/**
	 * Every event written by a transaction below this id is numbered, so a turn looks
	 * only at events from here up: below lie the index entries of what was numbered, dead
	 * until VACUUM. Known to this instance only, and zero (scan all) after a start; a
	 * turn by another instance leaves it lower than it could be, never wrong.
	 */
	private volatile String numberedBelow = "0";

	Sequencer(JdbcClient jdbc, PlatformTransactionManager transactions, FeedSettings settings, Head head,
			ChangeFeed feed) {
		this.jdbc = jdbc;
		this.feed = feed;
		this.transaction = new TransactionTemplate(transactions);
		this.settings = settings;
		this.head = head;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long period = settings.pollInterval().toMillis();
		worker.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	/**
	 * Events were committed: number them soon, without waiting for the next poll. A few
	 * milliseconds later rather than at once, so that under load one turn numbers the
	 * commits of many requests instead of a turn (three statements) for each.
	 */
	void wake() {
		if (!worker.isShutdown() && queued.compareAndSet(false, true)) {
			try {
				worker.schedule(this::tick, WAKE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// Shutting down: what was committed is numbered at the next start.
			}
		}
	}

	private void tick() {
		queued.set(false);
		try {
			int numbered;
			do {
				numbered = sequenceOnce();
			}
			while (numbered == BATCH);
			head.advanceTo(feed.head());
			if (Instant.now().isAfter(nextRetention)) {
				purgeOlderThan(settings.retention());
				nextRetention = Instant.now().plus(RETENTION_EVERY);
			}
		}
		catch (RuntimeException ex) {
			// The database may be away for a while; the next tick tries again.
			log.debug("Could not number the change feed's events", ex);
		}
	}

	/**
	 * Numbers up to BATCH committed events; how many it numbered. Reads the oldest
	 * running transaction before it looks: a transaction older than that had ended, so
	 * its events are visible to the look, and once a turn has numbered all it saw (fewer
	 * than BATCH), none of them is left to number.
	 */
	int sequenceOnce() {
		Turn turn = transaction.execute(status -> {
			// The oldest running transaction as this statement's snapshot saw it: the
			// scan below runs on a later snapshot, which sees all that had ended by then.
			Feed feedRow = jdbc
				.sql("SELECT last_position, pg_snapshot_xmin(pg_current_snapshot())::text AS oldest_running"
						+ " FROM change_feed WHERE id = 1 FOR UPDATE SKIP LOCKED")
				.query((rs, row) -> new Feed(rs.getLong("last_position"), rs.getString("oldest_running")))
				.optional()
				.orElse(null);
			if (feedRow == null) {
				return new Turn(0, null); // another instance is numbering right now
			}
			long last = feedRow.lastPosition();
			int count = jdbc.sql("""
					UPDATE change_event e SET position = :last + n.rank
					FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank
					      FROM (SELECT id FROM change_event
					            WHERE position IS NULL AND xid >= CAST(:from AS xid8)
					            ORDER BY id LIMIT :batch) t) n
					WHERE e.id = n.id""")
				.param("last", last)
				.param("from", numberedBelow)
				.param("batch", BATCH)
				.update();
			if (count > 0) {
				jdbc.sql("UPDATE change_feed SET last_position = ? WHERE id = 1").param(last + count).update();
			}
			return new Turn(count, count < BATCH ? feedRow.oldestRunning() : null);
		});
		if (turn == null) {
			return 0;
		}
		if (turn.allNumberedBelow() != null) {
			// after the commit: had it rolled back, these events would be unnumbered
			// still
			numberedBelow = turn.allNumberedBelow();
		}
		return turn.numbered();
	}

	/**
	 * The feed's row as a turn locked it, with the oldest transaction running then.
	 */
	private record Feed(long lastPosition, String oldestRunning) {
	}

	/**
	 * What a turn numbered, and the transaction below which all is numbered if it knows.
	 */
	private record Turn(int numbered, @Nullable String allNumberedBelow) {
	}

	/**
	 * Removes the events older than the retention, up to the newest position among them,
	 * so that what stays is everything after one position; never what a reader inside the
	 * application (Kafka) has not delivered yet.
	 */
	void purgeOlderThan(Duration retention) {
		transaction.executeWithoutResult(status -> {
			Long through = jdbc
				.sql("SELECT CASE WHEN max(position) IS NOT NULL"
						+ " THEN least(max(position), (SELECT min(position) FROM feed_reader)) END FROM change_event"
						+ " WHERE position IS NOT NULL AND at < clock_timestamp() - make_interval(secs => ?)")
				.param((double) retention.toSeconds())
				.query(Long.class)
				.optional()
				.orElse(null);
			if (through == null) {
				return;
			}
			jdbc.sql("UPDATE change_feed SET purged_through = greatest(purged_through, ?) WHERE id = 1")
				.param(through)
				.update();
			int removed = jdbc.sql("DELETE FROM change_event WHERE position <= ?").param(through).update();
			log.info("Removed {} events older than {} from the change feed, up to position {}", removed, retention,
					through);
		});
	}

}
