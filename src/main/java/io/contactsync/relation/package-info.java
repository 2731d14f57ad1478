/**
 * Contact business relations and the links they make between a contact and a customer,
 * vendor or bank account; and the sync that keeps linked records' shared details the
 * same, both ways, in the transaction of the change.
 */
@NullMarked
@ApplicationModule(displayName = "Relation")
package io.contactsync.relation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
