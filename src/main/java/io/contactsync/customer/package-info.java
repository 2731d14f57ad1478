/**
 * Customers: the shared contact details, and what only a customer has (billing, posting,
 * credit).
 */
@NullMarked
@ApplicationModule(displayName = "Customer")
package io.contactsync.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
