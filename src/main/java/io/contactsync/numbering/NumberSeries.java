package io.contactsync.numbering;

import java.util.ArrayList;
import java.util.List;

import io.contactsync.numbering.NumberSeriesProblems.ManualNosNotAllowed;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesExhausted;
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
 */
@Service
public class NumberSeries {

	private final JdbcClient jdbc;

	NumberSeries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of the series. */
	@Transactional(propagation = Propagation.MANDATORY)
	public String next(String seriesCode) {
		return next(seriesCode, 1).get(0);
	}

	/**
	 * The next {@code count} numbers of the series, drawn at once for bulk work.
	 * @throws NumberSeriesExhausted when the series cannot give them all
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> next(String seriesCode, int count) {
		Series series = lock(seriesCode);
		List<String> numbers = new ArrayList<>(count);
		String last = series.lastNoUsed();
		for (int i = 0; i < count; i++) {
			String no = (last == null) ? series.startingNo() : SeriesNumber.increment(last, series.incrementBy());
			if (no.length() > SeriesNumber.MAX_LENGTH
					|| (series.endingNo() != null && SeriesNumber.isBeyond(no, series.endingNo()))) {
				throw new NumberSeriesExhausted(seriesCode,
						series.endingNo() != null ? series.endingNo() : "9".repeat(SeriesNumber.MAX_LENGTH));
			}
			numbers.add(no);
			last = no;
		}
		jdbc.sql("UPDATE number_series SET last_no_used = ?, version = " + RowVersions.next("number_series")
				+ " WHERE code = ?")
			.params(last, series.code())
			.update();
		return numbers;
	}

	/**
	 * Checks that a number given by hand may be used with the series.
	 * @throws ManualNosNotAllowed when the series does not allow it
	 */
	@Transactional(readOnly = true)
	public void checkManualNo(String seriesCode) {
		Boolean manual = jdbc.sql("SELECT manual_nos FROM number_series WHERE code = ?")
			.param(seriesCode)
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new Problems.NotFound("Number series", seriesCode));
		if (!manual) {
			throw new ManualNosNotAllowed(seriesCode);
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
			.orElseThrow(() -> new Problems.NotFound("Number series", seriesCode));
	}

	private record Series(String code, String startingNo, @Nullable String endingNo, int incrementBy,
			@Nullable String lastNoUsed) {
	}

}
