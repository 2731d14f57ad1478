package io.contactsync.audit;

import io.contactsync.platform.ChangeNumbers;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers for change log entries, drawn from the table's own identity sequence a block at
 * a time: an entry needs its number when the change is made (the changes the sync carries
 * name it as their cause), while the entry itself is written at the commit. Numbers of a
 * block that a stopped service did not use are skipped, as a sequence skips them anyway.
 */
@Component
class ChangeLogIds implements ChangeNumbers {

	private static final int BLOCK = 100;

	private final JdbcClient jdbc;

	private final Deque<Long> free = new ArrayDeque<>();

	ChangeLogIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public synchronized long next() {
		if (free.isEmpty()) {
			free.addAll(
					jdbc.sql("SELECT nextval(pg_get_serial_sequence('change_log', 'id')) FROM generate_series(1, ?)")
						.param(BLOCK)
						.query(Long.class)
						.list());
		}
		return free.removeFirst();
	}

}
