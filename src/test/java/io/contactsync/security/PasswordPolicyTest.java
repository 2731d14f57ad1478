package io.contactsync.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	@Test
	void aPasswordIsRequired() {
		assertThat(PasswordPolicy.check(null).english()).isEqualTo("is required");
		assertThat(PasswordPolicy.check("").english()).isEqualTo("is required");
	}

	@Test
	void tenCharactersAreTheLeast() {
		assertThat(PasswordPolicy.check("a".repeat(9)).english()).isEqualTo("must be at least 10 characters long");
		assertThat(PasswordPolicy.check("a".repeat(10))).isNull();
	}

	@Test
	void charactersAreCountedAsPeopleSeeThemNotAsJavaStoresThem() {
		// nine emoji are eighteen UTF-16 units, still nine characters
		assertThat(PasswordPolicy.check("🔑".repeat(9)).english()).isEqualTo("must be at least 10 characters long");
		assertThat(PasswordPolicy.check("🔑".repeat(10))).isNull();
	}

	@Test
	void morePasswordThanBcryptReadsIsRefusedRatherThanCutSilently() {
		assertThat(PasswordPolicy.check("a".repeat(72))).isNull();
		assertThat(PasswordPolicy.check("a".repeat(73)).english()).isEqualTo("must be at most 72 bytes long");
		// 37 characters, but two bytes each in UTF-8
		assertThat(PasswordPolicy.check("æ".repeat(37)).english()).isEqualTo("must be at most 72 bytes long");
		assertThat(PasswordPolicy.check("æ".repeat(36))).isNull();
	}

}
