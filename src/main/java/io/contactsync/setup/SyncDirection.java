package io.contactsync.setup;

/** Which way the sync carries a shared field between a contact and a linked record. */
public enum SyncDirection {

	BOTH, CONTACT_TO_RECORD, RECORD_TO_CONTACT, NONE;

	public boolean toRecord() {
		return this == BOTH || this == CONTACT_TO_RECORD;
	}

	public boolean toContact() {
		return this == BOTH || this == RECORD_TO_CONTACT;
	}

}
