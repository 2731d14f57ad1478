package io.contactsync.numbering;

import java.util.List;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;

/** The number series as a setup table: its fields and the rules its numbers must keep. */
public final class NumberSeriesTable {

	public static final Table TABLE = Table
		.of("number-series", "number_series", "Number series", List.of(Field.code("code", 20).required()),
				Field.text("description", 100), Field.code("startingNo", 20).required(), Field.code("endingNo", 20),
				Field.integer("incrementBy", 1).atMost(Integer.MAX_VALUE).defaultsTo(1L), Field.code("lastNoUsed", 20),
				Field.bool("manualNos", false), Field.bool("defaultNos", true), Field.bool("allowGaps", false))
		.withRules(NumberSeriesTable::checkNumbers);

	private NumberSeriesTable() {
	}

	private static void checkNumbers(Row series, List<FieldError> errors) {
		for (String field : List.of("startingNo", "endingNo", "lastNoUsed")) {
			String no = series.text(field);
			if (no != null && !SeriesNumber.hasDigits(no)) {
				errors.add(new FieldError(field, "invalid.seriesDigits"));
			}
		}
		String starting = series.text("startingNo");
		String ending = series.text("endingNo");
		if (errors.isEmpty() && starting != null && ending != null && SeriesNumber.isBeyond(starting, ending)) {
			errors.add(new FieldError("endingNo", "invalid.endingBeforeStarting", starting));
		}
		// A sequence counts in bigint: its numbers' last digits must fit one.
		if (errors.isEmpty() && Boolean.TRUE.equals(series.get("allowGaps"))) {
			for (String field : List.of("startingNo", "endingNo", "lastNoUsed")) {
				String no = series.text(field);
				if (no != null && !SeriesNumber.fitsSequence(no) && errors.isEmpty()) {
					errors.add(new FieldError("allowGaps", "invalid.gapsDigits", SeriesNumber.SEQUENCE_DIGITS));
				}
			}
		}
	}

}
