/**
 * The change log: every change to data, field by field, with who made it, when, through
 * what, and what caused it when the sync carried it.
 */
@NullMarked
@ApplicationModule(displayName = "Audit")
package io.contactsync.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
