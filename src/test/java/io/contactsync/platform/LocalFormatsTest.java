package io.contactsync.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFormatsTest {

	private static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1 250,50|1250.50", "1250.50|1250.50", "25 000,50|25000.50", "1.250,50|1250.50",
					"1,250.50|1250.50", "1250|1250", "3,5|3.5", "1 000 000|1000000", "1.000.000|1000000",
					"'1\u00A0250,5'|1250.5", "0,75|0.75" })
	void readsNumbersAsEitherLanguageWritesThem(String typed, BigDecimal number) {
		assertThat(LocalFormats.parse(typed)).isEqualByComparingTo(number);
	}

	@ParameterizedTest
	@CsvSource({ "tolv", "'1.250,50,5'", "'1,2.3.4'", "''", "12abc", "'1 250,50 kr'" })
	void refusesWhatIsNoNumber(String typed) {
		assertThatThrownBy(() -> LocalFormats.parse(typed)).isInstanceOf(NumberFormatException.class);
	}

	@Test
	void showsAmountsWithTwoDecimalsAndThousandsGroupedAsEachLanguageDoes() {
		assertThat(LocalFormats.amount(new BigDecimal("25000.5"), NORWEGIAN)).isEqualTo("25\u00A0000,50");
		assertThat(LocalFormats.amount(new BigDecimal("25000.5"), Locale.ENGLISH)).isEqualTo("25,000.50");
		assertThat(LocalFormats.amount(BigDecimal.ZERO, NORWEGIAN)).isEqualTo("0,00");
		assertThat(LocalFormats.number(new BigDecimal("3.5"), NORWEGIAN)).isEqualTo("3,5");
		assertThat(LocalFormats.number(new BigDecimal("2.000"), NORWEGIAN)).isEqualTo("2");
	}

	@Test
	void showsDatesDayFirstInNorwegian() {
		assertThat(LocalFormats.date(LocalDate.of(2026, 11, 24), NORWEGIAN)).isEqualTo("24.11.2026");
		assertThat(LocalFormats.date(LocalDate.of(2026, 11, 24), Locale.ENGLISH)).isEqualTo("2026-11-24");
	}

}
