package io.contactsync.audit;

import io.contactsync.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/change-log")
class ChangeLogController {

	private final ChangeLog changeLog;

	ChangeLogController(ChangeLog changeLog) {
		this.changeLog = changeLog;
	}

	@Operation(operationId = "listChangeLog")
	@GetMapping
	Page<ChangeLog.Entry> list(@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable String no,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Long importId) {
		return changeLog.list(recordType, no, importId, limit, cursor);
	}

}
