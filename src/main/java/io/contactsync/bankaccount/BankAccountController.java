package io.contactsync.bankaccount;

import java.util.Map;

import io.contactsync.platform.table.RecordController;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bank-accounts")
class BankAccountController extends RecordController {

	private final BankAccounts records;

	BankAccountController(BankAccounts records, TableStore store) {
		super(records, store);
		this.records = records;
	}

	@GetMapping
	Map<String, @Nullable Object> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return records.list(q, limit, cursor).map(this::json).asMap();
	}

}
