package io.contactsync.integration.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.contactsync.integration.FeedEvent;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every attempt to deliver an event, kept for the log retention: what an administrator
 * reads to see why a receiver does not get its events, and what a redelivery starts from.
 */
@Component
class DeliveryLog {

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One attempt, as it is to be written. */
	record Attempt(long endpointId, FeedEvent event, int attempt, boolean redelivery, WebhookSender.Outcome outcome) {
	}

	/**
	 * Writes attempts, in the caller's transaction when there is one.
	 * @return their ids, in order
	 */
	List<Long> write(List<Attempt> attempts) {
		if (attempts.isEmpty()) {
			return List.of();
		}
		long endpointId = attempts.get(0).endpointId();
		// An endpoint deleted while its events were on the way takes its log with it: the
		// attempts made meanwhile are not written. The lock keeps it until this commits.
		if (jdbc.sql("SELECT id FROM webhook_endpoint WHERE id = ? FOR KEY SHARE")
			.param(endpointId)
			.query(Long.class)
			.optional()
			.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("INSERT INTO webhook_delivery (endpoint_id, event_id, position,"
				+ " event_type, attempt, status, redelivery, response_code, latency_ms, error) VALUES ");
		List<@Nullable Object> params = new ArrayList<>();
		for (int i = 0; i < attempts.size(); i++) {
			Attempt attempt = attempts.get(i);
			if (attempt.endpointId() != endpointId) {
				throw new IllegalArgumentException("The attempts of one endpoint are written together");
			}
			sql.append(i == 0 ? "" : ", ")
				.append("(?::bigint, ?, ?::bigint, ?, ?::int, ?, ?::boolean, ?::int, ?::bigint, ?)");
			params.add(attempt.endpointId());
			params.add(attempt.event().id());
			params.add(attempt.event().position());
			params.add(attempt.event().type());
			params.add(attempt.attempt());
			params.add(attempt.outcome().delivered() ? "DELIVERED" : "FAILED");
			params.add(attempt.redelivery());
			params.add(attempt.outcome().status());
			params.add(attempt.outcome().latencyMs());
			String error = attempt.outcome().error();
			params.add(error == null || error.length() <= 500 ? error : error.substring(0, 500));
		}
		sql.append(" RETURNING id");
		return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
	}

	/** The attempts of an endpoint, newest first. */
	Page<Delivery> list(long endpointId, @Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		String after = Page.decode(cursor);
		long before;
		try {
			before = after == null ? Long.MAX_VALUE : Long.parseLong(after);
		}
		catch (NumberFormatException ex) {
			throw new Problems.MalformedRequest("cursor", "invalid.cursor");
		}
		List<Delivery> rows = jdbc
			.sql("SELECT * FROM webhook_delivery WHERE endpoint_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
			.params(endpointId, before, size + 1)
			.query((rs, n) -> delivery(rs))
			.list();
		return Page.of(rows, size, delivery -> Long.toString(delivery.id()));
	}

	Optional<Delivery> find(long endpointId, long id) {
		return jdbc.sql("SELECT * FROM webhook_delivery WHERE endpoint_id = ? AND id = ?")
			.params(endpointId, id)
			.query((rs, n) -> delivery(rs))
			.optional();
	}

	/** The attempts made so far to deliver an event to an endpoint. */
	int attemptsOf(long endpointId, String eventId) {
		return jdbc.sql("SELECT coalesce(max(attempt), 0) FROM webhook_delivery WHERE endpoint_id = ? AND event_id = ?")
			.params(endpointId, eventId)
			.query(Integer.class)
			.single();
	}

	/** Drops the attempts older than the retention. */
	int prune(Duration retention) {
		return jdbc.sql("DELETE FROM webhook_delivery WHERE at < now() - ? * interval '1 millisecond'")
			.param(retention.toMillis())
			.update();
	}

	private static Delivery delivery(ResultSet rs) throws SQLException {
		int code = rs.getInt("response_code");
		Integer responseCode = rs.wasNull() ? null : code;
		return new Delivery(rs.getLong("id"), rs.getString("event_id"), rs.getLong("position"),
				rs.getString("event_type"), rs.getInt("attempt"), rs.getString("status"), rs.getBoolean("redelivery"),
				responseCode, rs.getLong("latency_ms"), rs.getString("error"), rs.getTimestamp("at").toInstant());
	}

}
