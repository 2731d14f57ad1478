package io.contactsync.platform.table;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A record controller whose list filters by nothing but the search text {@code q}. */
public abstract class SearchableRecordController extends RecordController {

	private final RecordService records;

	protected SearchableRecordController(RecordService records, TableStore store) {
		super(records, store);
		this.records = records;
	}

	@GetMapping
	public Map<String, @Nullable Object> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return records.list(q, limit, cursor).map(this::json).asMap();
	}

}
