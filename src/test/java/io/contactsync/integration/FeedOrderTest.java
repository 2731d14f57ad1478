package io.contactsync.integration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's order under concurrent writers and several sequencers at once (as with
 * several instances): every committed event gets one position, a record's events are in
 * the order of its versions, and no event is numbered below a position already handed out
 * while it was in flight.
 */
class FeedOrderTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sequencer sequencer;

	@Autowired
	ChangeFeed feed;

	@Autowired
	DataSource dataSource;

	@Test
	void concurrentWritesAreNumberedOnceInCommitOrderPerRecord() throws Exception {
		List<String> customers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			customers.add(no(customer("Rekkefølge " + i + " AS")));
		}
		long start = jdbc.sql("SELECT coalesce(max(id), 0) FROM change_event").query(Long.class).single();
		AtomicBoolean writing = new AtomicBoolean(true);
		List<Long> seenHeads = java.util.Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			// two more sequencers beside the application's own, as other instances would
			// run
			List<CompletableFuture<Void>> sequencers = List.of(CompletableFuture.runAsync(() -> {
				while (writing.get()) {
					sequencer.sequenceOnce();
					seenHeads.add(feed.head());
				}
			}, pool), CompletableFuture.runAsync(() -> {
				while (writing.get()) {
					sequencer.sequenceOnce();
				}
			}, pool));
			List<CompletableFuture<Void>> writers = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				int writer = w;
				writers.add(CompletableFuture.runAsync(() -> {
					for (int n = 0; n < 15; n++) {
						// every writer changes every record: their commits interleave
						String no = customers.get((writer + n) % customers.size());
						Api.Response answer = admin().header("If-Match", "*")
							.patch("/api/v1/customers/" + no,
									Map.of("phoneNo", "+47 4" + writer + " 00 00 " + (10 + n)));
						assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
					}
				}, pool));
			}
			CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
			writing.set(false);
			CompletableFuture.allOf(sequencers.toArray(CompletableFuture[]::new)).join();
		}
		finally {
			pool.shutdownNow();
		}
		SequencedFeed.head(jdbc, sequencer);

		assertThat(jdbc.sql("SELECT count(*) FROM change_event WHERE id > ? AND position IS NULL")
			.param(start)
			.query(Long.class)
			.single()).as("every committed event numbered").isZero();
		for (String no : customers) {
			List<Long> versionsInFeedOrder = jdbc
				.sql("SELECT version FROM change_event WHERE id > ? AND record_type = 'CUSTOMER' AND no = ?"
						+ " ORDER BY position")
				.params(start, no)
				.query(Long.class)
				.list();
			assertThat(versionsInFeedOrder).as(no + "'s events in the feed")
				.hasSizeGreaterThan(1)
				.isSorted()
				.doesNotHaveDuplicates();
		}
		List<Long> positions = jdbc.sql("SELECT position FROM change_event WHERE id > ? ORDER BY id")
			.param(start)
			.query(Long.class)
			.list();
		assertThat(positions).doesNotHaveDuplicates();
		assertThat(seenHeads).isSorted();
	}

	/**
	 * The sequencer looks only above the oldest transaction that was running when it last
	 * numbered all it saw; an event of a transaction that began before later ones and
	 * commits after them must still be found.
	 */
	@Test
	void anEventCommittedAfterLaterOnesIsStillNumbered() throws Exception {
		String customer = no(customer("Lang transaksjon AS"));
		try (Connection slow = dataSource.getConnection()) {
			slow.setAutoCommit(false);
			long slowId;
			try (PreparedStatement insert = slow.prepareStatement("""
					INSERT INTO change_event (type, record_type, no, version, origin, user_name, changes)
					VALUES ('CUSTOMER_CHANGED', 'CUSTOMER', ?, 99, 'API', 'test', '{}') RETURNING id""")) {
				insert.setString(1, customer);
				var rows = insert.executeQuery();
				rows.next();
				slowId = rows.getLong(1);
			}
			for (int n = 0; n < 3; n++) {
				// later events, numbered while the slow transaction runs
				Api.Response answer = admin().header("If-Match", "*")
					.patch("/api/v1/customers/" + customer, Map.of("phoneNo", "+47 41 00 00 2" + n));
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
				SequencedFeed.head(jdbc, sequencer);
			}
			long headBefore = feed.head();
			slow.commit();

			SequencedFeed.head(jdbc, sequencer);
			assertThat(
					jdbc.sql("SELECT position FROM change_event WHERE id = ?").param(slowId).query(Long.class).single())
				.as("the slow transaction's event, numbered after the events committed before it")
				.isGreaterThan(headBefore);
		}
	}

}
