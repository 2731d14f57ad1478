package io.contactsync.integration;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Numbers every event written so far before a test reads the feed's head. The background
 * sequencer runs beside the test: while it holds the feed's lock,
 * {@link Sequencer#sequenceOnce} numbers nothing and returns 0, though its numbering is
 * not committed yet. So "until it returns 0" is not enough; this waits until the events
 * written before the call have their positions, whoever numbered them.
 */
final class SequencedFeed {

	private SequencedFeed() {
	}

	static long head(JdbcClient jdbc, Sequencer sequencer) {
		long written = jdbc.sql("SELECT coalesce(max(id), 0) FROM change_event").query(Long.class).single();
		Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
		while (unnumbered(jdbc, written) > 0) {
			if (Instant.now().isAfter(giveUp)) {
				throw new AssertionError("events up to id " + written + " still unnumbered after 30 s");
			}
			if (sequencer.sequenceOnce() == 0) {
				sleep();
			}
		}
		return jdbc.sql("SELECT last_position FROM change_feed").query(Long.class).single();
	}

	private static long unnumbered(JdbcClient jdbc, long upToId) {
		return jdbc.sql("SELECT count(*) FROM change_event WHERE id <= ? AND position IS NULL")
			.param(upToId)
			.query(Long.class)
			.single();
	}

	private static void sleep() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for the sequencer", ex);
		}
	}

}
