package io.contactsync.numbering;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.contactsync.numbering.NumberSeriesProblems.ManualNosNotAllowed;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesExhausted;
import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowVersions;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out numbers from number series. The series row is locked while a number is drawn,
 * and stays locked until the caller's transaction ends: two transactions never draw the
 * same number, and a number whose record was rolled back is drawn again, so none is lost.
 * A number a record already holds (given by hand) is passed over, never handed out.
 */
@Service
public class NumberSeries {

	/** How many numbers are looked up at once at most while passing over held ones. */
	private static final int MAX_LOOKAHEAD = 1000;

	private final JdbcClient jdbc;

	NumberSeries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Which of some numbers records already hold. A series that allows numbers given by
	 * hand may meet them ahead of itself, and passes them over.
	 */
	@FunctionalInterface
	public interface TakenNumbers {

		/** Those of {@code candidates}, in the series' order, that a record holds. */
		Set<String> among(List<String> candidates);

	}

	/** The next number of the series that no record holds. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String seriesCode, TakenNumbers taken) {
		return next(seriesCode, 1, taken).get(0);
	}

	/**
	 * The next {@code count} numbers of the series that no record holds, drawn at once
	 * for bulk work.
	 * @throws NumberSeriesExhausted when the series cannot give them all
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> next(String seriesCode, int count, TakenNumbers taken) {
		if (count == 0) {
			return List.of();
		}
		Series series = lock(seriesCode);
		List<String> numbers = new ArrayList<>(count);
		String last = series.lastNoUsed();
		// Numbers typed by hand come in runs: look further ahead each time one is met.
		int lookahead = count;
		boolean ended = false;
		while (numbers.size() < count) {
			if (ended) {
				throw new NumberSeriesExhausted(seriesCode,
						series.endingNo() != null ? series.endingNo() : "9".repeat(SeriesNumber.MAX_LENGTH));
			}
			List<String> candidates = new ArrayList<>(lookahead);
			while (candidates.size() < lookahead) {
				String no = (last == null) ? series.startingNo() : SeriesNumber.increment(last, series.incrementBy());
				if (no.length() > SeriesNumber.MAX_LENGTH
						|| (series.endingNo() != null && SeriesNumber.isBeyond(no, series.endingNo()))) {
					ended = true;
					break;
				}
				candidates.add(no);
				last = no;
			}
			Set<String> held = candidates.isEmpty() ? Set.of() : taken.among(candidates);
			candidates.stream().filter(no -> !held.contains(no)).limit(count - numbers.size()).forEach(numbers::add);
			lookahead = Math.min(Math.max(count - numbers.size(), lookahead * 2), MAX_LOOKAHEAD);
		}
		jdbc.sql("UPDATE number_series SET last_no_used = ?, version = " + RowVersions.next("number_series")
				+ " WHERE code = ?")
			.params(numbers.get(numbers.size() - 1), series.code())
			.update();
		return numbers;
	}

	/**
	 * Checks that a number given by hand may be used with the series.
	 * @param whatIsNumbered the record, as a refusal names it ("customer")
	 * @param no the number given
	 * @throws ManualNosNotAllowed when the series does not allow it
	 */
	@Transactional(readOnly = true)
	public void checkManualNo(String seriesCode, Message whatIsNumbered, String no) {
		Boolean manual = jdbc.sql("SELECT manual_nos FROM number_series WHERE code = ?")
			.param(seriesCode)
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("NUMBER_SERIES"), seriesCode));
		if (!manual) {
			throw new ManualNosNotAllowed(seriesCode, whatIsNumbered, no);
		}
	}

	private Series lock(String seriesCode) {
		return jdbc
			.sql("SELECT code, starting_no, ending_no, increment_by, last_no_used FROM number_series"
					+ " WHERE code = ? FOR UPDATE")
			.param(seriesCode)
			.query((rs, n) -> new Series(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5)))
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("NUMBER_SERIES"), seriesCode));
	}

	private record Series(String code, String startingNo, @Nullable String endingNo, int incrementBy,
			@Nullable String lastNoUsed) {
	}

}
