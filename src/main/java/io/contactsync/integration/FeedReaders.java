package io.contactsync.integration;

import java.time.Duration;
import java.util.Optional;

import io.contactsync.platform.LeaseOwner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable readers of the feed inside the application (feed_reader): how far each has
 * delivered, and which instance delivers it now. One instance holds a reader's lease at a
 * time and renews it with each stretch it delivers; when it dies, another takes over once
 * the lease ran out, from the last position it recorded (so at least once, not twice in
 * the normal case). The retention keeps what a reader has not delivered yet.
 */
@Component
class FeedReaders {

	private final JdbcClient jdbc;

	/** This instance, as its leases name it. */
	private final String instance = LeaseOwner.newName();

	FeedReaders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes or renews the lease of a reader, made at the oldest kept position the first
	 * time; its position when this instance holds it.
	 */
	Optional<Long> claim(String reader, Duration lease) {
		jdbc.sql("INSERT INTO feed_reader (name, position) SELECT ?, purged_through FROM change_feed WHERE id = 1"
				+ " ON CONFLICT (name) DO NOTHING")
			.param(reader)
			.update();
		return jdbc
			.sql("UPDATE feed_reader SET lease_owner = :me, lease_until = clock_timestamp() + make_interval(secs => :secs)"
					+ " WHERE name = :reader AND (lease_owner = :me OR lease_until IS NULL OR lease_until < clock_timestamp())"
					+ " RETURNING position")
			.param("me", instance)
			.param("secs", (double) lease.toMillis() / 1000)
			.param("reader", reader)
			.query(Long.class)
			.optional();
	}

	/** Records how far the reader delivered, if this instance still holds it. */
	boolean advance(String reader, long position) {
		return jdbc.sql("UPDATE feed_reader SET position = ? WHERE name = ? AND lease_owner = ?")
			.params(position, reader, instance)
			.update() == 1;
	}

	/** Lets go of the reader at a clean stop, so another instance goes on at once. */
	void release(String reader) {
		jdbc.sql("UPDATE feed_reader SET lease_owner = NULL, lease_until = NULL WHERE name = ? AND lease_owner = ?")
			.params(reader, instance)
			.update();
	}

	long position(String reader) {
		return jdbc.sql("SELECT position FROM feed_reader WHERE name = ?")
			.param(reader)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
