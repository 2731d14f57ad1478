package io.contactsync.setup;

/**
 * One entry of the sync field map: which way a contact field travels for a record type.
 *
 * @param recordType the linked record type
 * @param field the contact's JSON field name
 * @param direction which way it is carried
 */
public record SyncField(LinkedRecordType recordType, String field, SyncDirection direction) {
}
