package io.contactsync.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.contactsync.audit.ChangeLog;
import io.contactsync.platform.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The change log, of one record or of all: who changed what, when, and whether the sync
 * did.
 */
@Controller
@RequestMapping("/change-log")
class ChangeLogWebController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private final ChangeLog changeLog;

	ChangeLogWebController(ChangeLog changeLog) {
		this.changeLog = changeLog;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable String no,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		String type = recordType == null || recordType.isBlank() ? null : recordType;
		String record = no == null || no.isBlank() ? null : no;
		Page<ChangeLog.Entry> page = changeLog.list(type, record, 100,
				cursor == null || cursor.isBlank() ? null : cursor);
		model.addAttribute("page", page);
		model.addAttribute("times", page.items().stream().map(entry -> TIME.format(entry.at())).toList());
		model.addAttribute("recordType", type == null ? "" : type);
		model.addAttribute("no", record == null ? "" : record);
		model.addAttribute("active", "change-log");
		return "change-log";
	}

}
