package io.contactsync.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The body of a new user; {@code password} is write-only. */
public record UserRequest(@Nullable String username, @Nullable String password, @Nullable Set<Role> roles,
		@Nullable Boolean enabled) {
}
