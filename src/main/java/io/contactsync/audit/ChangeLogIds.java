package io.contactsync.audit;

import io.contactsync.platform.ChangeNumbers;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers for change log entries, drawn from the table's own identity sequence a block at
 * a time: an entry needs its number when the change is made (the changes the sync carries
 * name it as their cause), while the entry itself is written at the commit. Numbers of a
 * block that a stopped service did not use are skipped, as a sequence skips them anyway.
 * <p>
 * A block is good only while the database server that drew it runs: a server killed
 * before anything flushed the block's draw comes back with its sequence behind it, and
 * would hand the same numbers out again. So each block remembers the start time of the
 * server it came from, and the writer writes its entries only on that same server
 * ({@link #drawnIn}).
 */
@Component
class ChangeLogIds implements ChangeNumbers {

	private static final int BLOCK = 100;

	private static final int KEPT = 64;

	private final JdbcClient jdbc;

	private final Deque<Long> free = new ArrayDeque<>();

	/** The blocks drawn lately, newest first; a transaction rarely outlives a few. */
	private final Deque<Block> recent = new ArrayDeque<>();

	private record Block(long first, long last, OffsetDateTime drawnIn) {
	}

	ChangeLogIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public synchronized long next() {
		if (free.isEmpty()) {
			List<Long> drawn = new ArrayList<>(BLOCK);
			OffsetDateTime[] server = new OffsetDateTime[1];
			jdbc.sql("SELECT nextval(pg_get_serial_sequence('change_log', 'id')), pg_postmaster_start_time()"
					+ " FROM generate_series(1, ?)")
				.param(BLOCK)
				.query((rs, n) -> {
					drawn.add(rs.getLong(1));
					server[0] = rs.getObject(2, OffsetDateTime.class);
					return null;
				})
				.list();
			free.addAll(drawn);
			recent.addFirst(new Block(Collections.min(drawn), Collections.max(drawn), server[0]));
			while (recent.size() > KEPT) {
				recent.removeLast();
			}
		}
		return free.removeFirst();
	}

	/**
	 * The start time of the database server that drew this number; empty for a number not
	 * drawn here lately, which is not to be written.
	 */
	synchronized Optional<OffsetDateTime> drawnIn(long id) {
		return recent.stream().filter(b -> b.first() <= id && id <= b.last()).map(Block::drawnIn).findFirst();
	}

	/** Lets go of every number not yet used: the server they came from is gone. */
	synchronized void forgetAll() {
		free.clear();
		recent.clear();
	}

}
