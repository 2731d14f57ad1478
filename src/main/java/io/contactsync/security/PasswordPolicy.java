package io.contactsync.security;

import io.contactsync.platform.Message;

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
	static @Nullable Message check(@Nullable String password) {
		if (password == null || password.isEmpty()) {
			return Message.of("invalid.required");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Message.of("invalid.passwordShort", Integer.toString(MIN_LENGTH));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Message.of("invalid.passwordLong", Integer.toString(MAX_BYTES));
		}
		return null;
	}

}
