/**
 * What leaves the system, and what other systems write by their own keys: the
 * transactional outbox of every typed event, the change feed read from it in commit
 * order, and the deliveries built on that feed (webhooks, Kafka). Other modules publish
 * their typed events and know nothing of who follows them.
 */
@NullMarked
@ApplicationModule(displayName = "Integration")
package io.contactsync.integration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
