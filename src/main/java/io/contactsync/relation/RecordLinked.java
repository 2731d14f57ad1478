package io.contactsync.relation;

import io.contactsync.setup.LinkedRecordType;

/**
 * A contact was linked with a customer, vendor or bank account, in this transaction.
 *
 * @param contactNo the (company) contact that holds the link
 */
public record RecordLinked(String contactNo, LinkedRecordType type, String recordNo) {
}
