package io.contactsync.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as the page's language writes them: 24.11.2026 in Norwegian, 2026-11-24
 * in English.
 */
final class Formats {

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private static final DateTimeFormatter NORWEGIAN_TIMESTAMP = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
		.withZone(ZONE);

	private static final DateTimeFormatter ENGLISH_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZONE);

	private Formats() {
	}

	static boolean norwegian(Locale locale) {
		return !"en".equals(locale.getLanguage());
	}

	static String timestamp(Instant at, Locale locale) {
		return (norwegian(locale) ? NORWEGIAN_TIMESTAMP : ENGLISH_TIMESTAMP).format(at);
	}

}
