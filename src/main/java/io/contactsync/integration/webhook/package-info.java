/**
 * Webhooks: endpoints that receive every committed change they subscribe to, signed as
 * the Standard Webhooks specification says, in feed order, retried with backoff, and
 * disabled when a receiver fails for longer than the patience. The service and its
 * records are open to the web UI; the dispatcher, the signing and the address checks are
 * this package's own.
 */
@NullMarked
@NamedInterface("webhook")
package io.contactsync.integration.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
