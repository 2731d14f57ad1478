package io.contactsync.job;

import io.contactsync.platform.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the jobs (docs/operations.md, "Metrics"):
 * {@code contactsync.jobs.rows}, the records done, counted as their page commits (its
 * rate is the rows per second), and {@code contactsync.jobs.lag}, how long the job that
 * has waited longest for an instance has waited, in seconds (0 when every job is in
 * hand).
 */
@Component
class JobMetrics {

	private final MeterRegistry registry;

	JobMetrics(MeterRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		// A queued job waits since it was made; one handed back or left by a dead
		// instance since its lease ended.
		Gauge
			.builder("contactsync.jobs.lag", () -> jdbc.sql("""
					SELECT coalesce(extract(epoch FROM now() - min(coalesce(lease_until, created_at))), 0)
					FROM job WHERE status IN ('QUEUED', 'RUNNING') AND (owner IS NULL OR lease_until < now())""")
				.query(Double.class)
				.single())
			.description("Seconds the longest-waiting job has waited for an instance to run it")
			.baseUnit("seconds")
			.register(registry);
	}

	/** Counts the records of a page once the page's transaction committed. */
	void rowsDoneOnCommit(String type, int rows) {
		Counter counter = Counter.builder("contactsync.jobs.rows")
			.description("Records done by batch jobs, counted when their page commits")
			.tag("type", type)
			.register(registry);
		AfterCommit.run(() -> counter.increment(rows));
	}

}
