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
