package io.contactsync.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committed events in commit order, from any position within the retention: what the
 * change feed answers and what webhooks and Kafka deliver from. Readers keep their own
 * position and come back with it; nothing here remembers them.
 */
@Service
public class ChangeFeed {

	/** An event as the feed shows it; the names are the API's (docs/events.md). */
	private static final String EVENT_JSON = """
			json_build_object('id', 'evt_' || id, 'position', position, 'type', type, 'schemaVersion', schema,
			  'recordType', record_type, 'no', no, 'version', version,
			  'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
			  'origin', origin, 'user', user_name, 'sourceSystem', source_system, 'causedBy', caused_by,
			  'changes', changes)::text""";

	private final JdbcClient jdbc;

	private final Head head;

	private final EventTypes eventTypes;

	ChangeFeed(JdbcClient jdbc, Head head, EventTypes eventTypes) {
		this.jdbc = jdbc;
		this.head = head;
		this.eventTypes = eventTypes;
	}

	/** A stretch of the feed, and where to read on. */
	public record Stretch(List<FeedEvent> events, long next) {
	}

	/**
	 * Up to {@code limit} events after a position that the filter lets through, in commit
	 * order.
	 * @throws CursorExpired when events after {@code after} are gone with the retention
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<FeedEvent> read(long after, int limit, FeedFilter filter) {
		return stretch(after, limit, filter).events();
	}

	/**
	 * As {@link #read}, with the position to read on from: the last event's when the
	 * limit was reached, else the newest position there is (a filter that lets little
	 * through does not make its reader scan the same stretch again).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Stretch stretch(long after, int limit, FeedFilter filter) {
		State state = jdbc.sql("SELECT last_position, purged_through FROM change_feed WHERE id = 1")
			.query((rs, n) -> new State(rs.getLong(1), rs.getLong(2)))
			.single();
		if (after < state.purgedThrough()) {
			throw new CursorExpired(after, state.purgedThrough());
		}
		List<String> where = new ArrayList<>(List.of("position > :after", "position <= :last"));
		if (!filter.eventTypes().isEmpty()) {
			where.add("type IN (:types)");
		}
		if (!filter.recordTypes().isEmpty()) {
			where.add("record_type IN (:recordTypes)");
		}
		if (filter.excludeSourceSystem() != null) {
			where.add("source_system IS DISTINCT FROM :excluded");
		}
		JdbcClient.StatementSpec query = jdbc
			.sql("SELECT position, id, type, record_type, no, source_system, at, " + EVENT_JSON
					+ " FROM change_event WHERE " + String.join(" AND ", where) + " ORDER BY position LIMIT :limit")
			.param("after", after)
			.param("last", state.lastPosition())
			.param("limit", limit);
		if (!filter.eventTypes().isEmpty()) {
			query = query.param("types", List.copyOf(filter.eventTypes()));
		}
		if (!filter.recordTypes().isEmpty()) {
			query = query.param("recordTypes", List.copyOf(filter.recordTypes()));
		}
		if (filter.excludeSourceSystem() != null) {
			query = query.param("excluded", filter.excludeSourceSystem());
		}
		List<FeedEvent> events = query.query(ChangeFeed::event).list();
		long next = events.size() == limit ? events.get(events.size() - 1).position()
				: Math.max(after, state.lastPosition());
		return new Stretch(events, next);
	}

	/** The newest position numbered so far; 0 while the feed is empty. */
	public long head() {
		return jdbc.sql("SELECT last_position FROM change_feed WHERE id = 1").query(Long.class).single();
	}

	/**
	 * The position before the oldest event still kept: a reader starting afresh reads
	 * after it.
	 */
	public long oldest() {
		return jdbc.sql("SELECT purged_through FROM change_feed WHERE id = 1").query(Long.class).single();
	}

	/**
	 * The newest position this instance has seen numbered, its own commits' and (at each
	 * poll) other instances': what a reader woken by {@link #await} has to go to, without
	 * a read of the database.
	 */
	public long seenHead() {
		return head.position();
	}

	/**
	 * Waits until an event beyond {@code after} is numbered, at most {@code wait}: a
	 * reader need not spin. Whether there is one.
	 */
	public boolean await(long after, Duration wait) throws InterruptedException {
		return head.awaitBeyond(after, wait);
	}

	/** Every event type the system publishes, such as {@code contact.changed}. */
	public Set<String> eventTypes() {
		return eventTypes.all();
	}

	private static FeedEvent event(ResultSet rs, int row) throws SQLException {
		return new FeedEvent(rs.getLong(1), "evt_" + rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8));
	}

	private record State(long lastPosition, long purgedThrough) {
	}

	/** A position whose following events are gone with the retention: 410. */
	public static final class CursorExpired extends ProblemException {

		CursorExpired(long after, long purgedThrough) {
			super(HttpStatus.GONE, "CURSOR_EXPIRED",
					Message.of("detail.cursorExpired", Long.toString(after), Long.toString(purgedThrough)));
		}

	}

}
