package io.contactsync.platform;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for text that a field keeps, whichever reader took it from a request: its
 * length is counted in characters as the database counts them (a character outside the
 * Basic Multilingual Plane, such as an emoji, is one), and it holds no control characters
 * and no half of a surrogate pair, which the database would store as '?'.
 */
public final class TextRules {

	private TextRules() {
	}

	/** The length as the database counts it. */
	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * What is wrong with {@code text} for a field of at most {@code maxLength}; null if
	 * nothing.
	 */
	public static @Nullable FieldError check(String field, String text, int maxLength) {
		int length = length(text);
		if (length > maxLength) {
			return new FieldError(field, "invalid.tooLong", Integer.toString(length), Integer.toString(maxLength));
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			return new FieldError(field, "invalid.controlCharacters");
		}
		// half of a surrogate pair is no character: the database would store it as '?',
		// and the sync would then never see the two sides agree
		if (hasSurrogateHalf(text)) {
			return new FieldError(field, "invalid.surrogate");
		}
		return null;
	}

	/**
	 * Whether the text holds half of a surrogate pair: no character, which the database
	 * would store as '?'. Multi-line text (a mail's body) may hold line breaks, not this.
	 */
	public static boolean hasSurrogateHalf(String text) {
		return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
	}

}
