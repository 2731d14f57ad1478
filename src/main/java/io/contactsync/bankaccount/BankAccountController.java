package io.contactsync.bankaccount;

import java.util.Map;

import io.contactsync.platform.table.RecordController;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bank-accounts")
class BankAccountController extends RecordController {

	private final BankAccounts records;

	BankAccountController(BankAccounts records, TableStore store) {
		super(records, store);
		this.records = records;
	}

	@Override
	protected Map<String, @Nullable Object> list(@Nullable String q, @Nullable Integer limit, @Nullable String cursor) {
		return records.list(q, limit, cursor).map(this::json).asMap();
	}

}
