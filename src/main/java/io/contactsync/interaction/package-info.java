/**
 * Interactions with contacts: the templates that describe each kind, which template each
 * document type logs, and the interaction log itself.
 */
@NullMarked
@ApplicationModule(displayName = "Interaction")
package io.contactsync.interaction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
