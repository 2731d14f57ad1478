/**
 * Who may do what: users and their roles, passwords and API tokens (both kept only as
 * hashes), and the rules that map each endpoint to the roles that may call it.
 */
@NullMarked
@ApplicationModule(displayName = "Security")
package io.contactsync.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
