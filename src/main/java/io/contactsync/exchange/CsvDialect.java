package io.contactsync.exchange;

import java.util.List;
import java.util.Locale;

import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

/**
 * How a CSV file is written for the spreadsheet that will open it. Excel reads a CSV with
 * the list separator and the decimal mark of the user's regional settings: in Norway
 * {@code ;} and a decimal comma, in English settings {@code ,} and a decimal point. Both
 * are written in UTF-8 with a byte order mark, without which Excel reads æ, ø and å
 * wrongly.
 *
 * @param separator the field separator
 */
record CsvDialect(char separator) {

	static final CsvDialect NORWEGIAN = new CsvDialect(';');

	static final CsvDialect ENGLISH = new CsvDialect(',');

	private static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nb"), Locale.forLanguageTag("nn"),
			Locale.forLanguageTag("no"), Locale.ENGLISH);

	/**
	 * Whether numbers are written with a decimal comma: with {@code ;}, as Excel reads
	 * them.
	 */
	boolean decimalComma() {
		return separator == ';';
	}

	/**
	 * The dialect a request asks for: {@code separator} ({@code ;} or {@code semicolon},
	 * {@code ,} or {@code comma}) when given, else by language.
	 * @param norwegian whether the reader's language is Norwegian
	 */
	static CsvDialect of(@Nullable String separator, boolean norwegian) {
		if (separator == null || separator.isBlank()) {
			return norwegian ? NORWEGIAN : ENGLISH;
		}
		return switch (separator.strip().toLowerCase(Locale.ROOT)) {
			case ";", "semicolon" -> NORWEGIAN;
			case ",", "comma" -> ENGLISH;
			default -> throw new Problems.ValidationFailed("separator", "invalid.separator");
		};
	}

	/**
	 * Whether an {@code Accept-Language} header prefers Norwegian (nb, nn or no) to
	 * English; no header, or one that names neither, is English, as in the rest of the
	 * API.
	 */
	static boolean norwegian(@Nullable String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return false;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
			return best != null && !best.getLanguage().equals("en");
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
