/**
 * Contacts: companies and the people who work there. A person inherits chosen details
 * from its company when attached and whenever the company changes.
 */
@NullMarked
@ApplicationModule(displayName = "Contact")
package io.contactsync.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
