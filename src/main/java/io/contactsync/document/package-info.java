/**
 * Documents made from contacts: sales and purchase quotes, orders and blanket orders, and
 * service orders; making orders from quotes; printing and sending them.
 */
@NullMarked
@ApplicationModule(displayName = "Document")
package io.contactsync.document;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
