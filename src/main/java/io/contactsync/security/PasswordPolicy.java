package io.contactsync.security;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** What a password must be: long enough to resist guessing, short enough for bcrypt. */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	/** bcrypt reads at most 72 bytes; a longer password would be cut silently. */
	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** What is wrong with the password, or null when it is acceptable. */
	static @Nullable String check(@Nullable String password) {
		if (password == null || password.isEmpty()) {
			return "is required";
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return "must be at least " + MIN_LENGTH + " characters long";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return "must be at most " + MAX_BYTES + " bytes long";
		}
		return null;
	}

}
