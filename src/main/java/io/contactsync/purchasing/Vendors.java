package io.contactsync.purchasing;

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
 * The vendors: numbered from the series that numbering setup names in {@code vendorNos},
 * filled from a vendor template where a request names one ({@code templateCode}), linked
 * to at most one contact. Every change is published as {@link VendorCreated},
 * {@link VendorChanged} or {@link VendorDeleted}; the relation module links and syncs
 * them.
 */
@Service
public class Vendors extends LinkedRecordLife {

	Vendors(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events, DataChecks checks) {
		super(new Rules(LinkedRecordType.VENDOR, VendorTable.TABLE, "vendorNos", setup::vendorTemplate),
				new Records(store, VendorTable.TABLE, jdbc), jdbc, setup, numberSeries, events, checks);
	}

}
