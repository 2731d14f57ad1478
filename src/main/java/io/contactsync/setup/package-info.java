/**
 * How the business is set up: marketing and numbering setup, business relations, the code
 * lists, customer and vendor templates, and which fields the sync shares in which
 * direction.
 */
@NullMarked
@ApplicationModule(displayName = "Setup")
package io.contactsync.setup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
