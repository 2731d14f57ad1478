package io.contactsync.exchange;

import io.contactsync.platform.Problems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDialectTest {

	@Test
	void norwegianReadersGetSemicolonsAndDecimalCommas() {
		assertThat(CsvDialect.norwegian("nb-NO,nb;q=0.9,en;q=0.8")).isTrue();
		assertThat(CsvDialect.norwegian("nn")).isTrue();
		assertThat(CsvDialect.norwegian("no")).isTrue();
		assertThat(CsvDialect.of(null, true)).isEqualTo(CsvDialect.NORWEGIAN);
		assertThat(CsvDialect.NORWEGIAN.separator()).isEqualTo(';');
		assertThat(CsvDialect.NORWEGIAN.decimalComma()).isTrue();
	}

	@Test
	void everyoneElseGetsCommasAsTheApiSpeaksEnglishByDefault() {
		assertThat(CsvDialect.norwegian(null)).isFalse();
		assertThat(CsvDialect.norwegian("")).isFalse();
		assertThat(CsvDialect.norwegian("en-GB,nb;q=0.5")).isFalse();
		assertThat(CsvDialect.norwegian("de")).isFalse();
		assertThat(CsvDialect.norwegian("not a language list ,,;;")).isFalse();
		assertThat(CsvDialect.of("", false)).isEqualTo(CsvDialect.ENGLISH);
		assertThat(CsvDialect.ENGLISH.decimalComma()).isFalse();
	}

	@Test
	void theSeparatorAskedForWins() {
		assertThat(CsvDialect.of(";", false)).isEqualTo(CsvDialect.NORWEGIAN);
		assertThat(CsvDialect.of("semicolon", false)).isEqualTo(CsvDialect.NORWEGIAN);
		assertThat(CsvDialect.of(",", true)).isEqualTo(CsvDialect.ENGLISH);
		assertThat(CsvDialect.of("COMMA", true)).isEqualTo(CsvDialect.ENGLISH);
		assertThatThrownBy(() -> CsvDialect.of("|", true)).isInstanceOf(Problems.ValidationFailed.class);
	}

}
