package io.contactsync.integration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's depth (docs/operations.md, "Metrics"): {@code contactsync.outbox.depth},
 * committed events not yet numbered into the feed, near 0 on a healthy system (a depth
 * that grows says the sequencer cannot reach the database or cannot keep up), and
 * {@code contactsync.feed.head}, the newest position, whose rate is the rate of committed
 * events.
 */
@Component
class FeedMetrics {

	FeedMetrics(MeterRegistry registry, JdbcClient jdbc, ChangeFeed feed) {
		Gauge.builder("contactsync.outbox.depth",
				() -> jdbc.sql("SELECT count(*) FROM change_event WHERE position IS NULL").query(Long.class).single())
			.description("Committed events not yet in the change feed")
			.register(registry);
		Gauge
			.builder("contactsync.feed.head",
					() -> jdbc.sql("SELECT last_position FROM change_feed WHERE id = 1").query(Long.class).single())
			.description("The newest position of the change feed")
			.register(registry);
	}

}
