package io.contactsync.ui;

import java.util.Arrays;
import java.util.Optional;

import io.contactsync.document.DocumentKind;

import java.util.List;
import java.util.Locale;

import io.contactsync.audit.ChangeLog;
import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The change log, of one record or of all: who changed what, when, and whether the sync
 * did; newest first, each change with what the sync carried from it, in the words the
 * cards use.
 */
@Controller
@RequestMapping("/change-log")
class ChangeLogWebController {

	private final ChangeLog changeLog;

	private final Forms forms;

	ChangeLogWebController(ChangeLog changeLog, Forms forms) {
		this.changeLog = changeLog;
		this.forms = forms;
	}

	/** A line as the page shows it. */
	record Shown(ChangeLog.Entry entry, String at, String field, String oldValue, String newValue,
			@Nullable String link, boolean caused, boolean firstOfGroup) {

		/**
		 * The record's number as its card shows it: a document's without its kind
		 * (SV000001, not SERVICE_ORDER/SV000001), which the record type column says.
		 */
		public String no() {
			String no = entry.no();
			int slash = no.indexOf('/');
			return slash > 0 && document(no.substring(0, slash)).isPresent() ? no.substring(slash + 1) : no;
		}

	}

	private static Optional<DocumentKind> document(String kind) {
		return Arrays.stream(DocumentKind.values()).filter(known -> known.name().equals(kind)).findFirst();
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable String no,
			@RequestParam(required = false) @Nullable String cursor, Model model, Locale locale) {
		String type = recordType == null || recordType.isBlank() ? null : recordType;
		String record = no == null || no.isBlank() ? null : no;
		Page<ChangeLog.Entry> page = changeLog.list(type, record, 100,
				cursor == null || cursor.isBlank() ? null : cursor);
		List<Shown> lines = ChangeLogLines.of(page.items())
			.stream()
			.map(line -> new Shown(line.entry(), LocalFormats.timestamp(line.entry().at(), locale),
					forms.label(line.entry().field(), locale), forms.storedValue(line.entry().oldValue(), locale),
					forms.storedValue(line.entry().newValue(), locale), link(line.entry()), line.caused(),
					line.firstOfGroup()))
			.toList();
		model.addAttribute("page", page);
		model.addAttribute("lines", lines);
		model.addAttribute("recordType", type == null ? "" : type);
		model.addAttribute("no", record == null ? "" : record);
		model.addAttribute("active", "change-log");
		return "change-log";
	}

	/** The card of the changed record, where there is one. */
	private static @Nullable String link(ChangeLog.Entry entry) {
		int slash = entry.no().indexOf('/');
		Optional<DocumentKind> document = slash > 0 ? document(entry.no().substring(0, slash)) : Optional.empty();
		if (document.isPresent()) {
			return "/documents/" + document.get().resource() + "/" + entry.no().substring(slash + 1);
		}
		String path = switch (entry.recordType()) {
			case "CONTACT" -> "/contacts/";
			case "CUSTOMER" -> "/customers/";
			case "VENDOR" -> "/vendors/";
			case "BANK_ACCOUNT" -> "/bank-accounts/";
			default -> null;
		};
		return path == null ? null : path + entry.no();
	}

}
