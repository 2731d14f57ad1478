package io.contactsync.bankaccount;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The bank accounts; their links to contacts and the sync are the relation module's. */
@Service
public class BankAccounts extends LinkedRecordService {

	BankAccounts(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events) {
		super(LinkedRecordType.BANK_ACCOUNT, store, BankAccountTable.TABLE, jdbc, setup, numberSeries, events);
	}

}
