package io.contactsync.numbering;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeriesNumberTest {

	@Test
	void incrementsTheLastRunOfDigitsKeepingItsWidth() {
		assertThat(SeriesNumber.increment("CT000009", 1)).isEqualTo("CT000010");
		assertThat(SeriesNumber.increment("K00010", 10)).isEqualTo("K00020");
		assertThat(SeriesNumber.increment("2024-0099", 1)).isEqualTo("2024-0100");
		assertThat(SeriesNumber.increment("A1B-009X", 1)).isEqualTo("A1B-010X");
	}

	@Test
	void growsOnlyWhenTheDigitsRunOutOfWidth() {
		assertThat(SeriesNumber.increment("CT99", 1)).isEqualTo("CT100");
	}

	@Test
	void refusesANumberWithoutDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> SeriesNumber.increment("ABC", 1));
		assertThat(SeriesNumber.hasDigits("ABC")).isFalse();
	}

	@Test
	void comparesWithTheEndingNumberByValueWhenTheTextAroundAgrees() {
		assertThat(SeriesNumber.isBeyond("K00100", "K00090")).isTrue();
		assertThat(SeriesNumber.isBeyond("K00090", "K00090")).isFalse();
		assertThat(SeriesNumber.isBeyond("CT100", "CT99")).isTrue();
		assertThat(SeriesNumber.isBeyond("B2", "A9")).isTrue();
	}

	@Test
	void aSequenceValueIsWrittenAsTheNumberItCountsOnFrom() {
		assertThat(SeriesNumber.value("CT000009")).hasToString("9");
		assertThat(SeriesNumber.withValue("CT000009", 12)).isEqualTo("CT000012");
		assertThat(SeriesNumber.withValue("2024-0099", 100)).isEqualTo("2024-0100");
		assertThat(SeriesNumber.withValue("CT99", 100)).isEqualTo("CT100");
		assertThat(SeriesNumber.withValue("K00010", 10)).isEqualTo("K00010");
	}

	@Test
	void aSequenceCountsSeventeenDigitsAtMost() {
		assertThat(SeriesNumber.fitsSequence("X" + "9".repeat(17))).isTrue();
		assertThat(SeriesNumber.fitsSequence("X" + "1".repeat(18))).isFalse();
		assertThat(SeriesNumber.fitsSequence("X" + "0".repeat(18) + "1")).as("leading zeros count for nothing")
			.isTrue();
	}

}
