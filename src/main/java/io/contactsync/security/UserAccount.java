package io.contactsync.security;

import java.util.Set;

/**
 * A user as the API shows it: never with a password.
 */
public record UserAccount(String username, Set<Role> roles, boolean enabled, long version) {
}
