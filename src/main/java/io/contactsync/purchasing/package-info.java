/**
 * Vendors: the shared contact details, and what only a vendor has (payment, posting).
 */
@NullMarked
@ApplicationModule(displayName = "Vendor")
package io.contactsync.vendor;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
