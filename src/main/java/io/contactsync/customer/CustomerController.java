package io.contactsync.customer;

import io.contactsync.platform.table.SearchableRecordController;
import io.contactsync.platform.table.TableStore;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
class CustomerController extends SearchableRecordController {

	CustomerController(Customers records, TableStore store) {
		super(records, store);
	}

}
