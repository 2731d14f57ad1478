package io.contactsync.customer;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The customers; their links to contacts and the sync are the relation module's. */
@Service
public class Customers extends LinkedRecordService {

	Customers(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events) {
		super(LinkedRecordType.CUSTOMER, store, CustomerTable.TABLE, jdbc, setup, numberSeries, events);
	}

}
