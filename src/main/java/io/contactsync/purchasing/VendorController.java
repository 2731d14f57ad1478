package io.contactsync.purchasing;

import io.contactsync.platform.table.SearchableRecordController;
import io.contactsync.platform.table.TableStore;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vendors")
class VendorController extends SearchableRecordController {

	VendorController(Vendors records, TableStore store) {
		super(records, store);
	}

}
