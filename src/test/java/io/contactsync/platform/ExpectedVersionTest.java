package io.contactsync.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedVersionTest {

	@Test
	void aQuotedVersionMatchesThatVersionOnly() {
		ExpectedVersion expected = ExpectedVersion.optional("\"3\"");

		assertThat(expected.matches(3)).isTrue();
		assertThat(expected.matches(4)).isFalse();
	}

	@Test
	void aWeakTagNeverMatches() {
		assertThat(ExpectedVersion.optional("W/\"1\"").matches(1)).isFalse();
	}

	@Test
	void aTagThisApiNeverIssuedMatchesNothing() {
		assertThat(ExpectedVersion.optional("\"abc\"").matches(1)).isFalse();
		assertThat(ExpectedVersion.optional("\"-1\"").matches(-1)).isFalse();
	}

	@Test
	void anyTagOfAListMayMatch() {
		assertThat(ExpectedVersion.optional("\"7\", \"2\"").matches(2)).isTrue();
		assertThat(ExpectedVersion.optional("\"7\", \"2\"").matches(7)).as("the first of the list too").isTrue();
		assertThat(ExpectedVersion.optional("\"7\", \"2\"").matches(3)).isFalse();
		assertThat(ExpectedVersion.optional("\"7\", W/\"2\"").matches(2)).isFalse();
	}

	@Test
	void aStarMatchesEveryVersion() {
		assertThat(ExpectedVersion.optional("*").matches(42)).isTrue();
	}

	@Test
	void somethingThatIsNoEntityTagIsMalformed() {
		assertThatThrownBy(() -> ExpectedVersion.optional("1")).isInstanceOf(Problems.MalformedRequest.class);
		assertThatThrownBy(() -> ExpectedVersion.optional("\"1")).isInstanceOf(Problems.MalformedRequest.class);
	}

	@Test
	void noHeaderIsNoExpectation() {
		assertThat(ExpectedVersion.optional(null)).isNull();
		assertThat(ExpectedVersion.optional(" ")).isNull();
	}

}
