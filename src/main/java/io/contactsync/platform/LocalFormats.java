package io.contactsync.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates as people read and type them, in Norwegian ({@code 1 250,50},
 * 24.11.2026) or English ({@code 1,250.50}, 2026-11-24), for pages and printed documents.
 * The API's JSON keeps its plain numbers and ISO dates; this is only what people see and
 * type.
 */
public final class LocalFormats {

	/** The space that groups thousands in Norwegian, and never breaks a number apart. */
	private static final char NO_BREAK_SPACE = '\u00A0';

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private static final DateTimeFormatter NORWEGIAN_TIMESTAMP = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
		.withZone(ZONE);

	private static final DateTimeFormatter ENGLISH_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZONE);

	private LocalFormats() {
	}

	/** Norwegian unless English was chosen: the product's users work in Norwegian. */
	public static boolean norwegian(Locale locale) {
		return !"en".equals(locale.getLanguage());
	}

	/** An amount: always two decimals, more only where the amount has them. */
	public static String amount(BigDecimal amount, Locale locale) {
		return format(amount, locale, 2);
	}

	/**
	 * A quantity or other number: as many decimals as it has ({@code 3,5}, {@code 2}).
	 */
	public static String number(BigDecimal number, Locale locale) {
		return format(number, locale, 0);
	}

	public static String date(LocalDate date, Locale locale) {
		return norwegian(locale) ? NORWEGIAN_DATE.format(date) : date.toString();
	}

	public static String timestamp(Instant at, Locale locale) {
		return (norwegian(locale) ? NORWEGIAN_TIMESTAMP : ENGLISH_TIMESTAMP).format(at);
	}

	/**
	 * A number as typed in either language: {@code 1 250,50}, {@code 1250.50},
	 * {@code 1.250,50} and {@code 1,250.50} are all 1250.50. Spaces group thousands;
	 * where both a comma and a point occur, the last is the decimal separator; a
	 * separator that occurs more than once groups thousands.
	 * @throws NumberFormatException when it is no number
	 */
	public static BigDecimal parse(String typed) {
		String text = typed.replaceAll("[\\s\\u00A0\\u202F]", "");
		int comma = text.lastIndexOf(',');
		int point = text.lastIndexOf('.');
		if (comma >= 0 && point >= 0) {
			char decimal = comma > point ? ',' : '.';
			char grouping = decimal == ',' ? '.' : ',';
			text = text.replace(String.valueOf(grouping), "").replace(decimal, '.');
		}
		else if (comma >= 0) {
			text = text.indexOf(',') != comma ? text.replace(",", "") : text.replace(',', '.');
		}
		else if (point >= 0 && text.indexOf('.') != point) {
			text = text.replace(".", "");
		}
		if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
			throw new NumberFormatException(typed + " is no number");
		}
		return new BigDecimal(text);
	}

	private static String format(BigDecimal value, Locale locale, int minimumDecimals) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		boolean norwegian = norwegian(locale);
		symbols.setDecimalSeparator(norwegian ? ',' : '.');
		symbols.setGroupingSeparator(norwegian ? NO_BREAK_SPACE : ',');
		DecimalFormat format = new DecimalFormat("#,##0", symbols);
		format.setMinimumFractionDigits(minimumDecimals);
		format.setMaximumFractionDigits(Math.max(minimumDecimals, 5));
		format.setParseBigDecimal(true);
		return format.format(value);
	}

}
