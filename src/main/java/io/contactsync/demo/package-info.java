/**
 * A small Norwegian company to try the product with: loaded with
 * {@code --contactsync.demo=true} into an empty database, through the same services as
 * every other change.
 */
@NullMarked
@ApplicationModule(displayName = "Demo data")
package io.contactsync.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
