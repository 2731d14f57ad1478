/**
 * Bank accounts: the shared contact details, and the account itself (number, IBAN,
 * SWIFT).
 */
@NullMarked
@ApplicationModule(displayName = "Bank account")
package io.contactsync.bankaccount;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
