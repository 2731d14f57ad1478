/**
 * What leaves the system: the change feed and webhooks. (Stand-in until the outbox and
 * change feed land on main.)
 */
@NullMarked
@ApplicationModule(displayName = "Integration")
package io.contactsync.integration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
