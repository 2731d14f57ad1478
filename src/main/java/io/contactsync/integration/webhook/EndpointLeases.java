package io.contactsync.integration.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.contactsync.platform.LeaseOwner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which instance delivers to which endpoint, as jobs are held (docs/operations.md, "Jobs
 * on many instances"): an endpoint row names its owner and how long the owner holds it;
 * an instance claims an endpoint nobody holds, or one whose lease ran out, with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never deliver to one endpoint at once
 * and the endpoint's events stay in order. Every commit of a worker's progress renews the
 * lease; a change by an administrator (replay, patch) lets go of it, so the worker in
 * hand stops and the next one starts from the new state.
 */
@Component
class EndpointLeases {

	private final JdbcClient jdbc;

	private final Duration lease;

	/** This instance, as its leases name it. */
	private final String instance;

	@Autowired
	EndpointLeases(JdbcClient jdbc, WebhookSettings settings) {
		this(jdbc, settings.lease());
	}

	EndpointLeases(JdbcClient jdbc, Duration lease) {
		this.jdbc = jdbc;
		this.lease = lease;
		this.instance = LeaseOwner.newName();
	}

	String instance() {
		return instance;
	}

	Duration lease() {
		return lease;
	}

	/**
	 * Claims up to {@code most} enabled endpoints that have something to deliver: events
	 * past their cursor, or a retry that is due.
	 * @param running endpoints this instance delivers to already
	 * @param head the newest position of the feed
	 */
	List<Long> claimDue(Set<Long> running, int most, long head) {
		return jdbc.sql("""
				UPDATE webhook_endpoint SET lease_owner = :me, lease_until = now() + :lease * interval '1 millisecond'
				WHERE id IN (SELECT id FROM webhook_endpoint
					WHERE enabled AND NOT (id = ANY (CAST(:running AS bigint[])))
					AND (lease_owner IS NULL OR lease_owner = :me OR lease_until < now())
					AND (next_attempt_at IS NULL OR next_attempt_at <= now())
					AND (delivery_cursor < :head OR next_attempt_at IS NOT NULL)
					ORDER BY id LIMIT :most FOR UPDATE SKIP LOCKED)
				RETURNING id""")
			.param("me", instance)
			.param("lease", lease.toMillis())
			.param("running", "{" + String.join(",", running.stream().map(String::valueOf).toList()) + "}")
			.param("head", head)
			.param("most", most)
			.query(Long.class)
			.list();
	}

	/** Lets go of an endpoint, so that any instance may take it up again. */
	void release(long id) {
		jdbc.sql("UPDATE webhook_endpoint SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
			.params(id, instance)
			.update();
	}

	/** How long until the next retry of any endpoint is due; null when none waits. */
	Duration untilNextRetry(Duration atMost) {
		Long millis = jdbc
			.sql("SELECT ceil(extract(epoch FROM min(next_attempt_at) - now()) * 1000)::bigint FROM webhook_endpoint"
					+ " WHERE enabled AND next_attempt_at IS NOT NULL")
			.query(Long.class)
			.optional()
			.orElse(null);
		if (millis == null) {
			return atMost;
		}
		return Duration.ofMillis(Math.max(10, Math.min(atMost.toMillis(), millis)));
	}

}
