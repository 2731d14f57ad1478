package io.contactsync.numbering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Hands out numbers from number series. The series row is locked while a number is drawn,
 * and stays locked until the caller's transaction ends: two transactions never draw the
 * same number, and a number whose record was rolled back is drawn again, so none is lost.
 * A number a record already holds (given by hand) is passed over, never handed out.
 * <p>
 * Work that creates many records one at a time in one transaction (an import's page) may
 * draw {@linkplain #inBlocks in blocks}: a series is read, checked and written once per
 * block instead of once per number, and what the block has left is given back at the end,
 * so the series stays without gaps. A part of the work that is rolled back to a savepoint
 * gives back what it drew ({@link #givingBackOnFailure}).
 */
@Service
public class NumberSeries {

	/** How many numbers are looked up at once at most while passing over held ones. */
	private static final int MAX_LOOKAHEAD = 1000;

	/** Numbers drawn at once for a block. */
	static final int BLOCK = 100;

	/** The blocks of the work running on this thread, by series; none outside it. */
	private static final ThreadLocal<@Nullable Map<String, Block>> BLOCKS = new ThreadLocal<>();

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
		Map<String, Block> blocks = BLOCKS.get();
		if (blocks == null) {
			return draw(seriesCode, 1, taken).numbers().get(0);
		}
		Block block = blocks.get(seriesCode);
		if (block == null || block.used == block.numbers.size()) {
			Drawn drawn;
			try {
				drawn = draw(seriesCode, BLOCK, taken);
			}
			catch (NumberSeriesExhausted ex) {
				// fewer than a block left: one at a time to the end
				drawn = draw(seriesCode, 1, taken);
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
		return count == 0 ? List.of() : draw(seriesCode, count, taken).numbers();
	}

	private Drawn draw(String seriesCode, int count, TakenNumbers taken) {
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
		return new Drawn(series.lastNoUsed(), numbers);
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
		Map<String, Block> blocks = BLOCKS.get();
		Block block = blocks == null ? null : blocks.get(seriesCode);
		if (block != null && block.numbers.indexOf(no) >= block.used) {
			// given by hand ahead of the block: a record will hold it, never hand it out
			block.numbers.remove(no);
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
