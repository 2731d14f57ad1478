package io.contactsync.numbering;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The increment rule of a number series: the last run of digits in a number goes up,
 * keeping its width ({@code CT000009} → {@code CT000010}) and whatever stands around it.
 */
final class SeriesNumber {

	static final int MAX_LENGTH = 20;

	/**
	 * How many last digits a series that allows gaps may have: its sequence counts in
	 * bigint, with room to count on.
	 */
	static final int SEQUENCE_DIGITS = 17;

	private static final Pattern LAST_DIGITS = Pattern.compile("(\\d+)(\\D*)$");

	private SeriesNumber() {
	}

	static boolean hasDigits(String no) {
		return LAST_DIGITS.matcher(no).find();
	}

	/**
	 * The number {@code by} steps after {@code no}; it grows by a character only when the
	 * digits run out of width.
	 */
	static String increment(String no, long by) {
		Matcher matcher = LAST_DIGITS.matcher(no);
		if (!matcher.find()) {
			throw new IllegalArgumentException(no + " has no digits to increment");
		}
		String digits = matcher.group(1);
		String next = new BigInteger(digits).add(BigInteger.valueOf(by)).toString();
		String padded = next.length() >= digits.length() ? next : "0".repeat(digits.length() - next.length()) + next;
		return no.substring(0, matcher.start(1)) + padded + matcher.group(2);
	}

	/** The value of the last run of digits: {@code 9} for {@code CT000009}. */
	static BigInteger value(String no) {
		Matcher matcher = LAST_DIGITS.matcher(no);
		if (!matcher.find()) {
			throw new IllegalArgumentException(no + " has no digits");
		}
		return new BigInteger(matcher.group(1));
	}

	/**
	 * Whether the last digits of {@code no} are few enough for a sequence to count them.
	 */
	static boolean fitsSequence(String no) {
		return value(no).toString().length() <= SEQUENCE_DIGITS;
	}

	/**
	 * The number of the series whose last digits are worth {@code value}, written as
	 * {@code template} is: {@code (CT000009, 12)} is {@code CT000012}.
	 */
	static String withValue(String template, long value) {
		return increment(template, value - value(template).longValueExact());
	}

	/**
	 * Whether {@code no} lies beyond {@code endingNo}: compared by the value of their
	 * last digits when they share the text around them, else as text.
	 */
	static boolean isBeyond(String no, String endingNo) {
		Matcher a = LAST_DIGITS.matcher(no);
		Matcher b = LAST_DIGITS.matcher(endingNo);
		if (a.find() && b.find() && no.substring(0, a.start(1)).equals(endingNo.substring(0, b.start(1)))
				&& a.group(2).equals(b.group(2))) {
			return new BigInteger(a.group(1)).compareTo(new BigInteger(b.group(1))) > 0;
		}
		return no.compareTo(endingNo) > 0;
	}

}
