package io.contactsync.bankaccount;

import java.util.Optional;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.table.Records;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordLife;
import io.contactsync.setup.DataChecks;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The bank accounts: numbered from the series that numbering setup names in
 * {@code bankAccountNos}, linked to at most one contact; they have no templates. Every
 * change is published as {@link BankAccountCreated}, {@link BankAccountChanged} or
 * {@link BankAccountDeleted}; the relation module links and syncs them.
 */
@Service
public class BankAccounts extends LinkedRecordLife {

	BankAccounts(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events, DataChecks checks) {
		super(new Rules(LinkedRecordType.BANK_ACCOUNT, BankAccountTable.TABLE, "bankAccountNos",
				code -> Optional.empty()), new Records(store, BankAccountTable.TABLE, jdbc), jdbc, setup, numberSeries,
				events, checks);
	}

}
