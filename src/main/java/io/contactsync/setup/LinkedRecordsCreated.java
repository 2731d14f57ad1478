package io.contactsync.setup;

import java.util.List;

import io.contactsync.platform.table.Row;

/**
 * Customers, vendors or bank accounts created together
 * ({@link LinkedRecordService#createAll}, an import's page), in this transaction: with
 * the sync on for their type, each gets its contact, as one created alone does on its
 * {@code CustomerCreated} (or vendor's, bank account's).
 *
 * @param records the records as stored, before their creation's listeners
 */
public record LinkedRecordsCreated(LinkedRecordType type, List<Row> records) {

	public LinkedRecordsCreated {
		records = List.copyOf(records);
	}

}
