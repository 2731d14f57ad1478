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
			.isEqualTo(new FieldError("description", "invalid.tooLong", "11", "10"));
	}

	@Test
	void controlCharactersAndHalfSurrogatesAreRefused() {
		assertThat(TextRules.check("subject", "Hei\r\nBcc: x@y.no", 255).message().english())
			.isEqualTo("must not contain control characters");
		assertThat(TextRules.check("name", "Halv \ud800", 100).message().english()).contains("surrogate");
	}

	@Test
	void ordinaryNorwegianAndSamiTextPasses() {
		assertThat(TextRules.check("name", "Čáhppesjávri Ærlig Øvre Åsen", 100)).isNull();
	}

}
