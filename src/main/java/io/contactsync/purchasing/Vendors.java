package io.contactsync.purchasing;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupApi;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The vendors; their links to contacts and the sync are the relation module's. */
@Service
public class Vendors extends LinkedRecordService {

	Vendors(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events) {
		super(LinkedRecordType.VENDOR, store, VendorTable.TABLE, jdbc, setup, numberSeries, events);
	}

}
