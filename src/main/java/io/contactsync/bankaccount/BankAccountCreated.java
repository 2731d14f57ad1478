package io.contactsync.bankaccount;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * A bank account was created, in this transaction: a bank account with its number, every
 * field given and version 1.
 */
public record BankAccountCreated(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "bank-account.created";
	}

}
