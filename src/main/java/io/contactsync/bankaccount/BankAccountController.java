package io.contactsync.bankaccount;

import io.contactsync.platform.table.SearchableRecordController;
import io.contactsync.platform.table.TableStore;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bank-accounts")
class BankAccountController extends SearchableRecordController {

	BankAccountController(BankAccounts records, TableStore store) {
		super(records, store);
	}

}
