package io.contactsync.exchange;

import java.util.regex.Pattern;

/**
 * Text in a CSV file that a spreadsheet must not take for a formula. A cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be
 * run by Excel or LibreOffice as a formula when the file is opened ("CSV injection"), so
 * it is written with a {@code '} in front, which the spreadsheet shows as text. A value
 * that already begins with {@code '} before such a character gets one more, so that
 * {@link #restore} gives back every value exactly: an export imported again changes
 * nothing, and a phone number such as {@code +47 22 33 44 55} comes back as it was.
 */
public final class SpreadsheetText {

	/** What {@link #safe} quotes: any number of {@code '} before a formula's start. */
	private static final Pattern FORMULA_START = Pattern.compile("^'*[=+\\-@\\t\\r]");

	/**
	 * What {@link #restore} unquotes: at least one {@code '} before a formula's start.
	 */
	private static final Pattern QUOTED = Pattern.compile("^'+[=+\\-@\\t\\r]");

	private SpreadsheetText() {
	}

	/** The cell to write for a text value. */
	public static String safe(String value) {
		return FORMULA_START.matcher(value).find() ? "'" + value : value;
	}

	/** The value a cell written by {@link #safe} stands for: the import's first step. */
	public static String restore(String cell) {
		return QUOTED.matcher(cell).find() ? cell.substring(1) : cell;
	}

}
