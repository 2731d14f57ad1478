package io.contactsync.contact;

import org.jspecify.annotations.Nullable;

/**
 * A contact is about to be deleted, in this transaction: whoever refers to it lets go
 * now.
 *
 * @param no the contact's number
 * @param companyNo its company's number (its own for a company), or null
 */
public record ContactDeleting(String no, String type, @Nullable String companyNo) {
}
