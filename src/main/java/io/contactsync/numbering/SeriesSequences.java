package io.contactsync.numbering;

import java.util.List;
import java.util.Optional;

import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.SetupChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sequences of the series that allow gaps: one per series ({@code nos_<code>}),
 * counting the value of the last digits of its numbers; made when gaps are first allowed,
 * restarted when they are allowed again, dropped with the series. The series'
 * {@code last_no_used} then holds the number the sequence counts on from, whose text
 * around the digits every number drawn keeps (see {@link SeriesNumber#withValue}); it is
 * not written by a draw, which is what lets draws run side by side.
 *
 * Kept in step with the series by its changes, in their transaction: a sequence's DDL and
 * {@code ALTER SEQUENCE ... RESTART} are transactional (unlike {@code setval}), so a
 * change refused or rolled back leaves the sequence as it was. Each {@code nextval} holds
 * a lock on the sequence until its transaction ends that {@code ALTER SEQUENCE} waits
 * for, so the sequence is read, restarted or dropped only once every open draw has
 * committed or rolled back: no number is handed out on both sides of a switch.
 */
@Component
class SeriesSequences {

	private static final String SERIES = "number-series/";

	/** The fields a sequence is started from. */
	private static final List<String> COUNTED_FROM = List.of("lastNoUsed", "startingNo", "incrementBy");

	private final JdbcClient jdbc;

	SeriesSequences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sequence's name, quoted: the code may hold what a bare name may not. */
	static String name(String seriesCode) {
		return "\"nos_" + seriesCode.replace("\"", "\"\"") + "\"";
	}

	@EventListener
	void on(SetupChanged event) {
		RecordChange change = event.change();
		if (!change.no().startsWith(SERIES)) {
			return;
		}
		String code = change.no().substring(SERIES.length());
		switch (change.kind()) {
			case DELETED -> jdbc.sql("DROP SEQUENCE IF EXISTS " + name(code)).update();
			case CREATED -> {
				Row series = change.written();
				if (series.flag("allowGaps")) {
					countFrom(code, series.text("lastNoUsed"), series);
				}
			}
			case UPDATED -> updated(code, change);
		}
	}

	private void updated(String code, RecordChange change) {
		Row series = change.written();
		boolean allowed = Boolean.parseBoolean(before(change, series, "allowGaps"));
		boolean allows = series.flag("allowGaps");
		if (!allowed) {
			if (allows) {
				// Gapless until now: last_no_used is the last number drawn.
				countFrom(code, series.text("lastNoUsed"), series);
			}
			return;
		}
		if (allows && COUNTED_FROM.stream().noneMatch(change::changed)) {
			return;
		}
		// Wait for the open draws, then see how far the sequence got.
		jdbc.sql("ALTER SEQUENCE IF EXISTS " + name(code) + " NO CYCLE").update();
		String before = before(change, series, "lastNoUsed");
		String template = before != null ? before : before(change, series, "startingNo");
		String drawnTo = lastValue(code).map(value -> SeriesNumber.withValue(template, value)).orElse(null);
		String last = change.changed("lastNoUsed") || drawnTo == null ? series.text("lastNoUsed") : drawnTo;
		if (last != null && !last.equals(series.text("lastNoUsed"))) {
			// Not a change of the series: its lastNoUsed was shown as the sequence's all
			// along.
			jdbc.sql("UPDATE number_series SET last_no_used = ? WHERE code = ?").params(last, code).update();
		}
		if (allows) {
			countFrom(code, last, series);
		}
		// Switched off, the sequence stays (until the series is deleted): a draw that
		// read the series before the switch and waited for the sequence gets a value,
		// finds the series gapless and takes its number from there instead.
	}

	/**
	 * The value the sequence handed out last, or nothing while it has handed out none
	 * since it was (re)started.
	 */
	Optional<Long> lastValue(String code) {
		return jdbc.sql("SELECT last_value FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = ?")
			.param("nos_" + code)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.flatMap(Optional::ofNullable);
	}

	/** (Re)starts the sequence so that its next number is the one after {@code last}. */
	private void countFrom(String code, @Nullable String last, Row series) {
		long by = series.number("incrementBy") == null ? 1 : series.number("incrementBy");
		String starting = series.text("startingNo");
		long next = last == null ? SeriesNumber.value(starting).longValueExact()
				: SeriesNumber.value(last).longValueExact() + by;
		String options = " AS bigint MINVALUE 0 NO MAXVALUE INCREMENT BY " + by;
		jdbc.sql("CREATE SEQUENCE IF NOT EXISTS " + name(code) + options + " START WITH " + next + " CACHE 1").update();
		jdbc.sql(
				"ALTER SEQUENCE " + name(code) + " INCREMENT BY " + by + " MINVALUE 0 NO MAXVALUE RESTART WITH " + next)
			.update();
	}

	/** A field's value before the change. */
	private static @Nullable String before(RecordChange change, Row series, String field) {
		return change.changes()
			.stream()
			.filter(c -> c.field().equals(field))
			.findFirst()
			.map(FieldChange::oldValue)
			.orElseGet(() -> {
				Object now = series.get(field);
				return now == null ? null : now.toString();
			});
	}

}
