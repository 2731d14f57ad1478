package io.contactsync.numbering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesExhausted;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.table.TableStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Series that allow gaps (docs/rules.md, "Numbers"): numbers from a sequence of the
 * series, drawn without a lock that lasts to the commit; and the switch between that and
 * a gapless series, which must never hand out a number twice. The series are set up
 * through the table engine, as the API and the setup page do, so that their sequences are
 * kept as in use.
 */
@ApplicationModuleTest(extraIncludes = "audit")
class SeriesWithGapsTest {

	private static final NumberSeries.TakenNumbers NOTHING_HELD = candidates -> Set.of();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	NumberSeries numberSeries;

	@Autowired
	TableStore tables;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eightThreadsDrawingFromASeriesThatAllowsGapsNeverGetTheSameNumber() throws Exception {
		String series = newSeries(Map.of("startingNo", "G000001", "allowGaps", true));
		int threads = 8;
		int perThread = 250;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<List<String>>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				results.add(pool.submit(() -> {
					List<String> drawn = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						int draw = i;
						// Every fourth draw a block of three, and every seventh rolled
						// back.
						drawn.addAll(transaction.execute(status -> {
							List<String> nos = numberSeries.next(series, draw % 4 == thread % 4 ? 3 : 1, NOTHING_HELD);
							if (draw % 7 == 0) {
								status.setRollbackOnly();
								return List.<String>of();
							}
							return nos;
						}));
					}
					return drawn;
				}));
			}
			List<String> all = new ArrayList<>();
			for (Future<List<String>> result : results) {
				all.addAll(result.get());
			}
			assertThat(new HashSet<>(all)).as("no number twice").hasSize(all.size());
			assertThat(all).allMatch(no -> no.matches("G\\d{6}"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aDrawFromASeriesThatAllowsGapsHoldsNoLockUntilTheCommitAndAGaplessOneDoes() throws Exception {
		String withGaps = newSeries(Map.of("startingNo", "W01", "allowGaps", true));
		String gapless = newSeries(Map.of("startingNo", "V01"));

		assertThat(whileAnotherDrawIsOpen(withGaps)).as("drawn and committed beside the open draw").isEqualTo("W02");
		assertThatExceptionOfType(DataAccessException.class).as("the gapless draw waits for the open one")
			.isThrownBy(() -> whileAnotherDrawIsOpen(gapless))
			.withMessageContaining("lock timeout");
	}

	@Test
	void aRolledBackCreationLeavesAGapWhereTheSeriesAllowsGaps() {
		String series = newSeries(Map.of("startingNo", "R001", "allowGaps", true));

		transaction.executeWithoutResult(status -> {
			assertThat(numberSeries.next(series, NOTHING_HELD)).isEqualTo("R001");
			status.setRollbackOnly();
		});

		assertThat(draw(series, 1)).containsExactly("R002");
	}

	@Test
	void blocksIncrementsHeldNumbersAndTheEndingNumberWorkAsInAGaplessSeries() {
		String series = newSeries(Map.of("startingNo", "K00010", "incrementBy", 10, "endingNo", "K00150", "allowGaps",
				true, "manualNos", true));
		Set<String> held = Set.of("K00020", "K00030", "K00050", "K00060", "K00070", "K00080", "K00090", "K00100",
				"K00110", "K00150");
		NumberSeries.TakenNumbers taken = candidates -> candidates.stream()
			.filter(held::contains)
			.collect(Collectors.toSet());

		assertThat(draw(series, 1, taken)).containsExactly("K00010");
		assertThat(draw(series, 2, taken)).containsExactly("K00040", "K00120");
		assertThat(draw(series, 2, taken)).containsExactly("K00130", "K00140");
		assertThatExceptionOfType(NumberSeriesExhausted.class).as("the last free number is held")
			.isThrownBy(() -> draw(series, 1, taken))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("NUMBER_SERIES_EXHAUSTED"));
	}

	@Test
	void switchingGapsOnAndOffCarriesTheLastNumberOverBothWays() {
		String series = newSeries(Map.of("startingNo", "S0001"));
		assertThat(draw(series, 2)).containsExactly("S0001", "S0002");

		change(series, Map.of("allowGaps", true));
		assertThat(draw(series, 2)).containsExactly("S0003", "S0004");
		assertThat(numberSeries.lastNoDrawn(series)).contains("S0004");
		assertThat(lastNoUsedColumn(series)).as("a draw does not write the series").isEqualTo("S0002");

		change(series, Map.of("allowGaps", false));
		assertThat(lastNoUsedColumn(series)).isEqualTo("S0004");
		assertThat(numberSeries.lastNoDrawn(series)).isEmpty();
		assertThat(draw(series, 1)).containsExactly("S0005");

		change(series, Map.of("allowGaps", true));
		assertThat(draw(series, 1)).containsExactly("S0006");
	}

	@Test
	void aDrawThatWaitedForTheSequenceWhileGapsWereSwitchedOffTakesTheGaplessNumber() throws Exception {
		String series = newSeries(Map.of("startingNo", "Z001", "allowGaps", true));
		assertThat(draw(series, 2)).containsExactly("Z001", "Z002");
		CountDownLatch switched = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> switching = pool.submit(() -> transaction.executeWithoutResult(status -> {
				change(series, Map.of("allowGaps", false));
				switched.countDown();
				await(commit);
			}));
			assertThat(switched.await(60, TimeUnit.SECONDS)).isTrue();
			Future<List<String>> drawing = pool.submit(() -> draw(series, 1));
			// The draw read the series as allowing gaps and waits for the switch's lock
			// on the sequence.
			while (jdbc
				.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
						+ " AND query LIKE '%nextval%'")
				.query(Long.class)
				.single() == 0) {
				assertThat(drawing).isNotDone();
				Thread.sleep(20);
			}
			commit.countDown();
			switching.get();
			assertThat(drawing.get()).containsExactly("Z003");
			assertThat(lastNoUsedColumn(series)).isEqualTo("Z003");
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void changingTheLastNumberOrTheIncrementRestartsTheSequenceAndARefusedChangeDoesNot() {
		String series = newSeries(Map.of("startingNo", "A0001", "allowGaps", true));
		assertThat(draw(series, 3)).containsExactly("A0001", "A0002", "A0003");

		change(series, Map.of("lastNoUsed", "B0100"));
		assertThat(draw(series, 1)).as("the new number's letters too").containsExactly("B0101");

		change(series, Map.of("incrementBy", 10));
		assertThat(draw(series, 2)).as("on from the last number drawn").containsExactly("B0111", "B0121");

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> transaction.executeWithoutResult(status -> {
				change(series, Map.of("lastNoUsed", "C0500"));
				throw new IllegalStateException("refused after the change");
			}));
		assertThat(draw(series, 1)).as("the rolled-back change left the sequence").containsExactly("B0131");
	}

	@Test
	void settlingWritesTheLastNumberDrawnWithoutANewVersion() {
		String series = newSeries(Map.of("startingNo", "T01", "allowGaps", true));
		draw(series, 4);
		long version = version(series);

		numberSeries.settle(series);

		assertThat(lastNoUsedColumn(series)).isEqualTo("T04");
		assertThat(version(series)).isEqualTo(version);
		assertThat(draw(series, 1)).containsExactly("T05");
	}

	@Test
	void aDeletedSeriesTakesItsSequenceAlong() {
		String series = newSeries(Map.of("startingNo", "D1", "allowGaps", true));

		transaction.executeWithoutResult(
				status -> tables.delete(NumberSeriesTable.TABLE, List.of(series), ExpectedVersion.any()));

		assertThat(sequenceExists(series)).isFalse();
	}

	@Test
	void gapsAreRefusedForNumbersWhoseDigitsASequenceCannotCount() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> newSeries(Map.of("startingNo", "X" + "1".repeat(18), "allowGaps", true)))
			.satisfies(ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("allowGaps"));
	}

	/**
	 * One transaction draws from the series and stays open; meanwhile another draws from
	 * it and commits, giving up at once where it would have to wait for the first.
	 */
	private String whileAnotherDrawIsOpen(String series) throws Exception {
		CountDownLatch drawn = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		ExecutorService first = Executors.newSingleThreadExecutor();
		try {
			Future<String> open = first.submit(() -> transaction.execute(status -> {
				String no = numberSeries.next(series, NOTHING_HELD);
				drawn.countDown();
				try {
					done.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return no;
			}));
			assertThat(drawn.await(60, TimeUnit.SECONDS)).isTrue();
			try {
				return transaction.execute(status -> {
					jdbc.sql("SET LOCAL lock_timeout = '1s'").update();
					return numberSeries.next(series, NOTHING_HELD);
				});
			}
			finally {
				done.countDown();
				open.get();
			}
		}
		finally {
			first.shutdownNow();
		}
	}

	private List<String> draw(String series, int count, NumberSeries.TakenNumbers taken) {
		return transaction.execute(status -> numberSeries.next(series, count, taken));
	}

	private List<String> draw(String series, int count) {
		return draw(series, count, NOTHING_HELD);
	}

	private String newSeries(Map<String, Object> fields) {
		String code = "G" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("code", code);
		transaction.execute(status -> tables.create(NumberSeriesTable.TABLE, JSON.valueToTree(body)));
		return code;
	}

	private void change(String series, Map<String, Object> fields) {
		transaction.execute(status -> tables.patch(NumberSeriesTable.TABLE, List.of(series), ExpectedVersion.any(),
				JSON.valueToTree(fields)));
	}

	private String lastNoUsedColumn(String series) {
		return jdbc.sql("SELECT last_no_used FROM number_series WHERE code = ?")
			.param(series)
			.query(String.class)
			.single();
	}

	private long version(String series) {
		return jdbc.sql("SELECT version FROM number_series WHERE code = ?").param(series).query(Long.class).single();
	}

	private boolean sequenceExists(String series) {
		return jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
			.param(SeriesSequences.name(series))
			.query(Boolean.class)
			.single();
	}

}
