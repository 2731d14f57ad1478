package io.contactsync.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

	@Test
	void aCharacterOutsideTheBasicPlaneCountsOnce() {
		String emoji = "🙂".repeat(10);

		assertThat(emoji.length()).isEqualTo(20);
		assertThat(TextRules.length(emoji)).isEqualTo(10);
		assertThat(TextRules.check("description", emoji, 10)).isNull();
		assertThat(TextRules.check("description", emoji + "x", 10))
			.isEqualTo(new FieldError("description", "is 11 characters long; at most 10 are allowed"));
	}

	@Test
	void controlCharactersAndHalfSurrogatesAreRefused() {
		assertThat(TextRules.check("subject", "Hei\r\nBcc: x@y.no", 255).message())
			.isEqualTo("must not contain control characters");
		assertThat(TextRules.check("name", "Halv \ud800", 100).message()).contains("surrogate");
	}

	@Test
	void ordinaryNorwegianAndSamiTextPasses() {
		assertThat(TextRules.check("name", "Čáhppesjávri Ærlig Øvre Åsen", 100)).isNull();
	}

}
