package io.contactsync.exchange;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import io.contactsync.platform.LocalFormats;
import io.contactsync.setup.LinkedRecordType;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The export buttons of the web pages: each list as CSV or XLSX ({@code ?format=csv} or
 * {@code xlsx}), the contacts also as vCards ({@code vcf}), with the search and filters
 * the list shows; and one contact's vCard from its card. The CSV is written for the
 * page's language: {@code ;} and decimal comma in Norwegian, {@code ,} and decimal point
 * in English. The pages' own paths keep their roles: who may not see bank accounts may
 * not export them.
 */
@Controller
class ExportWebController {

	private static final Map<String, LinkedRecordType> LINKED = Map.of("customers", LinkedRecordType.CUSTOMER,
			"vendors", LinkedRecordType.VENDOR, "bank-accounts", LinkedRecordType.BANK_ACCOUNT);

	private final ExportSources sources;

	ExportWebController(ExportSources sources) {
		this.sources = sources;
	}

	@GetMapping("/contacts/export")
	void contacts(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String relation,
			@RequestParam(defaultValue = "csv") String format, Locale locale, HttpServletResponse response)
			throws IOException {
		ExportFormat chosen = format(format, true);
		Downloads.send(sources.contacts(blankAsNull(type), null, blankAsNull(relation), blankAsNull(q), null, null),
				chosen, dialect(locale), response);
	}

	@GetMapping("/{kind:customers|vendors|bank-accounts}/export")
	void linked(@PathVariable String kind, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "csv") String format, Locale locale, HttpServletResponse response)
			throws IOException {
		ExportFormat chosen = format(format, false);
		Downloads.send(sources.linked(LINKED.get(kind), blankAsNull(q), null, null), chosen, dialect(locale), response);
	}

	@GetMapping("/contacts/{no}/vcard")
	void card(@PathVariable String no, HttpServletResponse response) throws IOException {
		ExportedList contact = sources.contact(no);
		Downloads.send(contact, ExportFormat.VCARD, CsvDialect.ENGLISH, contact.name() + ".vcf", response);
	}

	private static ExportFormat format(String format, boolean contacts) {
		for (ExportFormat known : ExportFormat.values()) {
			if (known.extension().equals(format) && (contacts || known != ExportFormat.VCARD)) {
				return known;
			}
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private static CsvDialect dialect(Locale locale) {
		return LocalFormats.norwegian(locale) ? CsvDialect.NORWEGIAN : CsvDialect.ENGLISH;
	}

	private static @Nullable String blankAsNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
