package io.contactsync.customer;

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
 * The customers: numbered from the series that numbering setup names in
 * {@code customerNos}, filled from a customer template where a request names one
 * ({@code templateCode}), linked to at most one contact. Every change is published as
 * {@link CustomerCreated}, {@link CustomerChanged} or {@link CustomerDeleted}; the
 * relation module links and syncs them.
 */
@Service
public class Customers extends LinkedRecordLife {

	Customers(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events, DataChecks checks) {
		super(new Rules(LinkedRecordType.CUSTOMER, CustomerTable.TABLE, "customerNos", setup::customerTemplate),
				new Records(store, CustomerTable.TABLE, jdbc), jdbc, setup, numberSeries, events, checks);
	}

}
