package io.contactsync.bankaccount;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A bank account was deleted, in this transaction: the fields it had, and its last
 * version.
 */
public record BankAccountDeleted(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "bank-account.deleted";
	}

}
