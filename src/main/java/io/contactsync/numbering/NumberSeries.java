package io.contactsync.numbering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
 * Hands out numbers from number series. A gapless series (the default) is locked while a
 * number is drawn, and stays locked until the caller's transaction ends: two transactions
 * never draw the same number, and a number whose record was rolled back is drawn again,
 * so none is lost; creations of one kind go one at a time. A series that allows gaps
 * draws from a sequence of its own ({@link SeriesSequences}) and holds no lock on the
 * series: creations run side by side, and a number whose record was rolled back is not
 * drawn again. A number a record already holds (given by hand) is passed over, never
 * handed out.
 */
@Service
public class NumberSeries {

	/** How many numbers are looked up at once at most while passing over held ones. */
	private static final int MAX_LOOKAHEAD = 1000;

	private static final String SELECT = "SELECT code, starting_no, ending_no, increment_by, last_no_used, allow_gaps"
			+ " FROM number_series";

	/** Numbers drawn at once for a block. */
	static final int BLOCK = 100;

	/** The blocks of the work running on this thread, by series; none outside it. */
	private static final ThreadLocal<@Nullable Map<String, Block>> BLOCKS = new ThreadLocal<>();

	private final JdbcClient jdbc;

	private final SeriesSequences sequences;

	NumberSeries(JdbcClient jdbc, SeriesSequences sequences) {
		this.jdbc = jdbc;
		this.sequences = sequences;
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
		Map<String, Block> blocks = BLOCKS.get();
		if (blocks == null) {
			return next(seriesCode, 1, taken).get(0);
		}
		Block block = blocks.get(seriesCode);
		if (block == null || block.used == block.numbers.size()) {
			Optional<Series> gapless = lockedIfGapless(seriesCode);
			if (gapless.isEmpty()) {
				return withGaps(seriesCode, 1, taken).get(0);
			}
			Drawn drawn;
			try {
				drawn = gapless(gapless.get(), BLOCK, taken);
			}
			catch (NumberSeriesExhausted ex) {
				// fewer than a block left: one at a time to the end
				drawn = gapless(gapless.get(), 1, taken);
			}
			if (block == null) {
				block = new Block(drawn.before(), new ArrayList<>(), 0, null);
				blocks.put(seriesCode, block);
			}
			block.numbers.addAll(drawn.numbers());
			block.end = drawn.numbers().get(drawn.numbers().size() - 1);
		}
		return block.numbers.get(block.used++);
	}

	/**
	 * Runs work that draws numbers one at a time, drawing them in blocks; at its end the
	 * numbers not handed out are given back (the series' last number used is the last one
	 * handed out). Needs the transaction the work writes in, and gives back in it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <T> T inBlocks(Supplier<T> work) {
		if (BLOCKS.get() != null) {
			return work.get();
		}
		BLOCKS.set(new HashMap<>());
		try {
			T result = work.get();
			giveBack(BLOCKS.get());
			return result;
		}
		finally {
			BLOCKS.remove();
		}
	}

	/**
	 * Runs a part of {@link #inBlocks} work that is rolled back to a savepoint when it
	 * fails: what it drew is given back to the blocks, to be handed out again, and a
	 * block it drew (whose writing the savepoint took back) is forgotten.
	 */
	public <T> T givingBackOnFailure(Supplier<T> part) {
		Map<String, Block> blocks = BLOCKS.get();
		if (blocks == null) {
			return part.get();
		}
		Map<String, Block> before = new HashMap<>();
		blocks.forEach((code, block) -> before.put(code, block.copy()));
		try {
			return part.get();
		}
		catch (RuntimeException | Error ex) {
			blocks.clear();
			blocks.putAll(before);
			throw ex;
		}
	}

	private void giveBack(@Nullable Map<String, Block> blocks) {
		if (blocks == null) {
			return;
		}
		blocks.forEach((code, block) -> {
			String last = block.used == 0 ? block.before : block.numbers.get(block.used - 1);
			if (!Objects.equals(last, block.end)) {
				jdbc.sql("UPDATE number_series SET last_no_used = ?, version = " + RowVersions.next("number_series")
						+ " WHERE code = ? AND last_no_used = ?")
					.params(last, code, block.end)
					.update();
			}
		});
	}

	/**
	 * A series' numbers drawn by blocks: handed out in order, so that those handed out
	 * are always the first {@code used} ones.
	 */
	private static final class Block {

		/** The series' last number used before its first block. */
		private final @Nullable String before;

		private final List<String> numbers;

		private int used;

		/** The series' last number used as its last block left it. */
		private @Nullable String end;

		Block(@Nullable String before, List<String> numbers, int used, @Nullable String end) {
			this.before = before;
			this.numbers = numbers;
			this.used = used;
			this.end = end;
		}

		Block copy() {
			return new Block(before, new ArrayList<>(numbers), used, end);
		}

	}

	private record Drawn(@Nullable String before, List<String> numbers) {
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
		Optional<Series> gapless = lockedIfGapless(seriesCode);
		return gapless.isPresent() ? gapless(gapless.get(), count, taken).numbers()
				: withGaps(seriesCode, count, taken);
	}

	/**
	 * The series locked, if it is gapless; one statement either way: one that allows gaps
	 * is passed over unlocked (it draws from its sequence).
	 */
	private Optional<Series> lockedIfGapless(String seriesCode) {
		return jdbc.sql(SELECT + " WHERE code = ? AND NOT allow_gaps FOR UPDATE")
			.param(seriesCode)
			.query(NumberSeries::series)
			.optional();
	}

	private Drawn gapless(Series series, int count, TakenNumbers taken) {
		String seriesCode = series.code();
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
		return new Drawn(series.lastNoUsed(), numbers);
	}

	/**
	 * Numbers from the series' sequence, a block in one statement. The series is read
	 * after the first draw: the draw's lock on the sequence keeps a change of the series
	 * from restarting it until this transaction ends, so the number the sequence counts
	 * on from is the one read.
	 */
	private List<String> withGaps(String seriesCode, int count, TakenNumbers taken) {
		List<String> numbers = new ArrayList<>(count);
		Series series = null;
		while (numbers.size() < count) {
			List<Long> values = jdbc
				.sql("SELECT nextval(s) FROM (SELECT to_regclass(?) AS s) q CROSS JOIN generate_series(1, ?)"
						+ " WHERE s IS NOT NULL")
				.params(SeriesSequences.name(seriesCode), count - numbers.size())
				.query(Long.class)
				.list();
			if (values.isEmpty()) {
				// No sequence: the series is unknown, or it never allowed gaps.
				return gapless(lock(seriesCode), count, taken).numbers();
			}
			if (series == null) {
				series = read(seriesCode);
				if (!series.allowGaps()) {
					// Switched off while this draw waited for the sequence: its values
					// are void, and the number comes from the gapless series it is now.
					return gapless(lock(seriesCode), count, taken).numbers();
				}
			}
			String template = series.lastNoUsed() != null ? series.lastNoUsed() : series.startingNo();
			List<String> candidates = new ArrayList<>(values.size());
			for (long value : values.stream().sorted().toList()) {
				String no = SeriesNumber.withValue(template, value);
				if (no.length() > SeriesNumber.MAX_LENGTH
						|| (series.endingNo() != null && SeriesNumber.isBeyond(no, series.endingNo()))) {
					throw new NumberSeriesExhausted(seriesCode,
							series.endingNo() != null ? series.endingNo() : "9".repeat(SeriesNumber.MAX_LENGTH));
				}
				candidates.add(no);
			}
			Set<String> held = taken.among(candidates);
			candidates.stream().filter(no -> !held.contains(no)).forEach(numbers::add);
		}
		return numbers;
	}

	/**
	 * The last number of the series that allows gaps whose sequence handed numbers out
	 * since it was last set: it is not written to the series, which holds the number the
	 * sequence counts on from. Empty for any other series, whose {@code lastNoUsed} is
	 * its own.
	 */
	@Transactional(readOnly = true)
	public Optional<String> lastNoDrawn(String seriesCode) {
		return jdbc
			.sql("SELECT coalesce(n.last_no_used, n.starting_no) FROM number_series n WHERE code = ? AND allow_gaps")
			.param(seriesCode)
			.query(String.class)
			.optional()
			.flatMap(template -> sequences.lastValue(seriesCode).map(value -> SeriesNumber.withValue(template, value)));
	}

	/**
	 * Writes a series' {@link #lastNoDrawn} to it before it is changed, so that the
	 * change is made to what was shown, and the change log's old value is the number last
	 * drawn. In a transaction of its own, without a new version: the series shows the
	 * same before and after.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void settle(String seriesCode) {
		Optional<Series> series = jdbc.sql(SELECT + " WHERE code = ? AND allow_gaps")
			.param(seriesCode)
			.query(NumberSeries::series)
			.optional();
		if (series.isEmpty()) {
			return;
		}
		String template = series.get().lastNoUsed() != null ? series.get().lastNoUsed() : series.get().startingNo();
		Optional<Long> value = sequences.lastValue(seriesCode);
		if (value.isPresent()) {
			// Only if nothing restarted the sequence in between: the template must stay
			// the number it counts on from.
			jdbc.sql("UPDATE number_series SET last_no_used = ? WHERE code = ? AND allow_gaps"
					+ " AND coalesce(last_no_used, starting_no) = ?")
				.params(SeriesNumber.withValue(template, value.get()), seriesCode, template)
				.update();
		}
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
		return jdbc.sql(SELECT + " WHERE code = ? FOR UPDATE")
			.param(seriesCode)
			.query(NumberSeries::series)
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("NUMBER_SERIES"), seriesCode));
	}

	private Series read(String seriesCode) {
		return jdbc.sql(SELECT + " WHERE code = ?")
			.param(seriesCode)
			.query(NumberSeries::series)
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("NUMBER_SERIES"), seriesCode));
	}

	private static Series series(ResultSet rs, int n) throws SQLException {
		return new Series(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
				rs.getBoolean(6));
	}

	private record Series(String code, String startingNo, @Nullable String endingNo, int incrementBy,
			@Nullable String lastNoUsed, boolean allowGaps) {
	}

}
