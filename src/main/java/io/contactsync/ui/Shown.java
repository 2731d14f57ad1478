package io.contactsync.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import io.contactsync.platform.LocalFormats;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Numbers and dates for the templates, in the page's language:
 * {@code ${@shown.amount(total, #locale)}}. Public because the templates' expressions
 * call it by reflection.
 */
@Component("shown")
public class Shown {

	public String amount(@Nullable BigDecimal amount, Locale locale) {
		return amount == null ? "" : LocalFormats.amount(amount, locale);
	}

	public String number(@Nullable BigDecimal number, Locale locale) {
		return number == null ? "" : LocalFormats.number(number, locale);
	}

	public String date(@Nullable LocalDate date, Locale locale) {
		return date == null ? "" : LocalFormats.date(date, locale);
	}

}
