package io.contactsync.audit;

import io.contactsync.platform.ChangeNumbers;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
 * ({@link #drawnIn}). Every block a transaction still holds numbers of must be remembered
 * until its commit: a page of an import or a job writes tens of thousands of entries in
 * one transaction, so blocks that follow one another on the same server are kept as one
 * range, and many ranges are kept (looked up by number, not one after the other).
 */
@Component
class ChangeLogIds implements ChangeNumbers {

	private static final int BLOCK = 100;

	/**
	 * Ranges remembered: at least this many blocks' numbers (more where blocks follow one
	 * another), far more than one transaction draws.
	 */
	private static final int KEPT = 1024;

	private final JdbcClient jdbc;

	private final Deque<Long> free = new ArrayDeque<>();

	/** The ranges drawn lately, by their first number; they never overlap. */
	private final TreeMap<Long, Block> recent = new TreeMap<>();

	/** The first numbers of the ranges in {@link #recent}, newest first. */
	private final Deque<Long> order = new ArrayDeque<>();

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
			remember(new Block(Collections.min(drawn), Collections.max(drawn), server[0]));
		}
		return free.removeFirst();
	}

	private void remember(Block block) {
		Long newestFirst = order.peekFirst();
		Block newest = newestFirst == null ? null : recent.get(newestFirst);
		if (newest != null && newest.drawnIn().equals(block.drawnIn()) && newest.last() + 1 == block.first()) {
			recent.put(newest.first(), new Block(newest.first(), block.last(), block.drawnIn()));
			return;
		}
		// A server that restarted may give out numbers again: they belong to the newer
		// block.
		recent.subMap(block.first(), true, block.last(), true).clear();
		Map.Entry<Long, Block> before = recent.lowerEntry(block.first());
		if (before != null && before.getValue().last() >= block.first()) {
			recent.remove(before.getKey());
		}
		recent.put(block.first(), block);
		order.remove(block.first());
		order.addFirst(block.first());
		while (order.size() > KEPT) {
			recent.remove(order.removeLast());
		}
	}

	/**
	 * The start time of the database server that drew this number; empty for a number not
	 * drawn here lately, which is not to be written.
	 */
	synchronized Optional<OffsetDateTime> drawnIn(long id) {
		Map.Entry<Long, Block> range = recent.floorEntry(id);
		return range == null || range.getValue().last() < id ? Optional.empty()
				: Optional.of(range.getValue().drawnIn());
	}

	/** Lets go of every number not yet used: the server they came from is gone. */
	synchronized void forgetAll() {
		free.clear();
		recent.clear();
		order.clear();
	}

}
