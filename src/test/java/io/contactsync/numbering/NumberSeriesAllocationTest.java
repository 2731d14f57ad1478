package io.contactsync.numbering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.contactsync.platform.Problems;
import io.contactsync.numbering.NumberSeriesProblems.ManualNosNotAllowed;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesExhausted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The numbering module with the platform it stands on and a database of its own: nothing
 * of the rest of the application takes part in drawing numbers. The audit module comes
 * along because the platform's table engine, which serves the number series endpoints,
 * takes the numbers of its change-log entries from it (ChangeNumbers).
 */
@ApplicationModuleTest(extraIncludes = "audit")
class NumberSeriesAllocationTest {

	private static final NumberSeries.TakenNumbers NOTHING_HELD = candidates -> Set.of();

	@Autowired
	NumberSeries numberSeries;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eightThreadsDrawingAThousandNumbersEachNeverGetTheSameNumber() throws Exception {
		String series = newSeries(Map.of("startingNo", "CT000001"));
		int threads = 8;
		int perThread = 1000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<List<String>>> results = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				Callable<List<String>> draw = () -> {
					List<String> drawn = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						drawn.add(transaction.execute(status -> numberSeries.next(series, NOTHING_HELD)));
					}
					return drawn;
				};
				results.add(pool.submit(draw));
			}
			Set<String> all = new HashSet<>();
			int count = 0;
			for (Future<List<String>> result : results) {
				List<String> drawn = result.get();
				count += drawn.size();
				all.addAll(drawn);
			}
			assertThat(count).isEqualTo(threads * perThread);
			assertThat(all).as("every number drawn once").hasSize(threads * perThread);
			assertThat(all).contains("CT000001", "CT008000").doesNotContain("CT008001");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void firstNumberIsTheStartingNumberThenTheIncrementApplies() {
		String series = newSeries(Map.of("startingNo", "K00010", "incrementBy", 10));

		List<String> numbers = draw(series, 3);

		assertThat(numbers).containsExactly("K00010", "K00020", "K00030");
		assertThat(jdbc.sql("SELECT last_no_used FROM number_series WHERE code = ?")
			.param(series)
			.query(String.class)
			.single()).isEqualTo("K00030");
	}

	@Test
	void aRolledBackDrawLeavesTheNumberForTheNextOne() {
		String series = newSeries(Map.of("startingNo", "R001"));

		transaction.executeWithoutResult(status -> {
			numberSeries.next(series, NOTHING_HELD);
			status.setRollbackOnly();
		});

		assertThat(draw(series, 1)).containsExactly("R001");
	}

	@Test
	void pastTheEndingNumberTheSeriesIsExhausted() {
		String series = newSeries(Map.of("startingNo", "E1", "endingNo", "E3"));

		assertThat(draw(series, 3)).containsExactly("E1", "E2", "E3");
		assertThatExceptionOfType(NumberSeriesExhausted.class)
			.isThrownBy(() -> transaction.execute(status -> numberSeries.next(series, NOTHING_HELD)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("NUMBER_SERIES_EXHAUSTED"));
	}

	@Test
	void manualNumbersNeedASeriesThatAllowsThem() {
		String strict = newSeries(Map.of("startingNo", "M1"));
		String lenient = newSeries(Map.of("startingNo", "M1", "manualNos", true));

		assertThatExceptionOfType(ManualNosNotAllowed.class)
			.isThrownBy(() -> numberSeries.checkManualNo(strict, Problems.kindName("CUSTOMER"), "M9"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo("MANUAL_NOS_NOT_ALLOWED"));
		assertThatNoException()
			.isThrownBy(() -> numberSeries.checkManualNo(lenient, Problems.kindName("CUSTOMER"), "M9"));
	}

	@Test
	void numbersThatRecordsHoldAlreadyArePassedOver() {
		String series = newSeries(Map.of("startingNo", "K00010", "incrementBy", 10, "endingNo", "K00150"));
		Set<String> held = Set.of("K00020", "K00030", "K00050", "K00060", "K00070", "K00080", "K00090", "K00100",
				"K00110", "K00150");
		NumberSeries.TakenNumbers taken = candidates -> candidates.stream()
			.filter(held::contains)
			.collect(java.util.stream.Collectors.toSet());

		assertThat(draw(series, 1, taken)).containsExactly("K00010");
		assertThat(draw(series, 2, taken)).containsExactly("K00040", "K00120");
		assertThat(draw(series, 1, taken)).containsExactly("K00130");
		assertThat(draw(series, 1, taken)).containsExactly("K00140");
		assertThatExceptionOfType(NumberSeriesExhausted.class).as("the last free number is held")
			.isThrownBy(() -> transaction.execute(status -> numberSeries.next(series, taken)));
	}

	private List<String> draw(String series, int count, NumberSeries.TakenNumbers taken) {
		return transaction.execute(status -> numberSeries.next(series, count, taken));
	}

	private List<String> draw(String series, int count) {
		return transaction.execute(status -> numberSeries.next(series, count, NOTHING_HELD));
	}

	private String newSeries(Map<String, Object> fields) {
		String code = "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
		jdbc.sql("INSERT INTO number_series (code, starting_no, ending_no, increment_by, manual_nos)"
				+ " VALUES (?, ?, ?, ?, ?)")
			.params(code, fields.get("startingNo"), fields.get("endingNo"), fields.getOrDefault("incrementBy", 1),
					fields.getOrDefault("manualNos", false))
			.update();
		return code;
	}

}
