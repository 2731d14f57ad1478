package io.contactsync.setup;

/**
 * A customer, vendor or bank account is about to be deleted, in this transaction: its
 * link to a contact goes with it, and the contact stays.
 */
public record LinkedRecordDeleting(LinkedRecordType type, String no) {
}
