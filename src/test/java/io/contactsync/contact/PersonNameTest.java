package io.contactsync.contact;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PersonNameTest {

	@Test
	void oneWordIsAFirstName() {
		assertThat(PersonName.split("Kari")).isEqualTo(new PersonName("Kari", "", ""));
	}

	@Test
	void twoWordsAreFirstNameAndSurname() {
		assertThat(PersonName.split("Kari Nordmann")).isEqualTo(new PersonName("Kari", "", "Nordmann"));
	}

	@Test
	void withThreeWordsTheMiddleOneIsTheMiddleName() {
		assertThat(PersonName.split("Kari Lie Nordmann")).isEqualTo(new PersonName("Kari", "Lie", "Nordmann"));
	}

	@Test
	void withMoreWordsAllButTheLastTwoAreTheFirstName() {
		assertThat(PersonName.split("Anne Kari Lie Nordmann"))
			.isEqualTo(new PersonName("Anne Kari", "Lie", "Nordmann"));
	}

	@Test
	void spacesAroundAndBetweenWordsDoNotMakeWords() {
		assertThat(PersonName.split("  Kari \t  Nordmann ")).isEqualTo(new PersonName("Kari", "", "Nordmann"));
		assertThat(PersonName.split("   ")).isEqualTo(new PersonName("", "", ""));
	}

	@Test
	void theWholeNameJoinsTheGivenPartsWithOneSpace() {
		assertThat(new PersonName("Kari", "", "Nordmann").joined()).isEqualTo("Kari Nordmann");
		assertThat(new PersonName(" Anne Kari ", "Lie", " ").joined()).isEqualTo("Anne Kari Lie");
		assertThat(new PersonName("", "", "").joined()).isEmpty();
	}

	@Test
	void aSplitNameJoinsBackToItself() {
		for (String name : new String[] { "Kari", "Kari Nordmann", "Kari Lie Nordmann", "Anne Kari Lie Nordmann" }) {
			assertThat(PersonName.split(name).joined()).isEqualTo(name);
		}
	}

	@Test
	void aMissingOrBlankNameIsRefusedAndAPersonIsToldItMayGiveTheParts() {
		assertThatExceptionOfType(Problems.ValidationFailed.class).isThrownBy(() -> PersonName.require(null, false))
			.satisfies(ex -> assertThat(ex.errors()).containsExactly(new FieldError("name", "invalid.required")));
		assertThatExceptionOfType(Problems.ValidationFailed.class).isThrownBy(() -> PersonName.require("  ", true))
			.satisfies(ex -> assertThat(ex.errors()).singleElement()
				.satisfies(error -> assertThat(error.message().english()).contains("first name or surname")));
		assertThatNoException().isThrownBy(() -> PersonName.require("Kari", true));
	}

}
