/**
 * Vendors, the purchasing side's linked record: the shared contact details, and what only
 * a vendor has (payment, posting). The module is named for the business area rather than
 * {@code vendor}, a folder name that common tools take for third-party code and hide.
 */
@NullMarked
@ApplicationModule(displayName = "Purchasing (vendors)")
package io.contactsync.purchasing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
