package io.contactsync.integration.webhook;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.contactsync.integration.ChangeFeed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the webhooks (docs/operations.md, "Metrics"):
 * {@code contactsync.webhooks.delivery} (timer, by outcome), the time each attempt took;
 * {@code contactsync.webhooks.failures} (counter, by endpoint), the failed attempts; and
 * {@code contactsync.webhooks.lag} (gauge, by endpoint), how many feed positions an
 * enabled endpoint is behind the newest event.
 */
@Component
class WebhookMetrics {

	private final MeterRegistry registry;

	private final MultiGauge lag;

	/** Looked up once: every delivery records in one of them. */
	private final Timer delivered;

	private final Timer failed;

	private final JdbcClient jdbc;

	private final ChangeFeed feed;

	WebhookMetrics(MeterRegistry registry, JdbcClient jdbc, ChangeFeed feed) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.feed = feed;
		this.lag = MultiGauge.builder("contactsync.webhooks.lag")
			.description("Change-feed positions an enabled webhook endpoint is behind the newest event")
			.register(registry);
		this.delivered = deliveryTimer(registry, "delivered");
		this.failed = deliveryTimer(registry, "failed");
	}

	private static Timer deliveryTimer(MeterRegistry registry, String outcome) {
		return Timer.builder("contactsync.webhooks.delivery")
			.description("Time taken by webhook delivery attempts, until the receiver answered or failed")
			.tag("outcome", outcome)
			.register(registry);
	}

	void attempted(long endpointId, WebhookSender.Outcome outcome) {
		(outcome.delivered() ? delivered : failed).record(outcome.latencyMs(), TimeUnit.MILLISECONDS);
		if (!outcome.delivered()) {
			Counter.builder("contactsync.webhooks.failures")
				.description("Failed webhook delivery attempts, by endpoint")
				.tag("endpoint", Long.toString(endpointId))
				.register(registry)
				.increment();
		}
	}

	/**
	 * Reads every enabled endpoint's cursor again; the dispatcher calls it now and then.
	 */
	void refreshLag() {
		long head = feed.head();
		List<MultiGauge.Row<Number>> rows = jdbc.sql("SELECT id, delivery_cursor FROM webhook_endpoint WHERE enabled")
			.query((rs, n) -> MultiGauge.Row.of(Tags.of("endpoint", Long.toString(rs.getLong(1))),
					Math.max(0, head - rs.getLong(2))))
			.list();
		lag.register(List.copyOf(rows), true);
	}

}
