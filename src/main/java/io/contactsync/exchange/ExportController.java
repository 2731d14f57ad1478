package io.contactsync.exchange;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.contactsync.setup.LinkedRecordType;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The list endpoints of contacts, customers, vendors and bank accounts (and of the code
 * lists of setup) as files: the same path and query parameters as the JSON list, chosen
 * by {@code Accept}: {@code text/csv}, the XLSX media type, or (contacts)
 * {@code text/vcard}. The file holds the whole list with its search and filters, from
 * {@code cursor} if one is given; {@code limit} is the size of the pages it is read in.
 * The roles that may read a list may export it: the paths are the list's own.
 */
@RestController
@Hidden
class ExportController {

	private static final String CSV = "text/csv";

	private static final String XLSX = ExportFormat.XLSX_TYPE;

	private static final String VCARD = "text/vcard";

	private static final Map<String, LinkedRecordType> LINKED = Map.of("/api/v1/customers", LinkedRecordType.CUSTOMER,
			"/api/v1/vendors", LinkedRecordType.VENDOR, "/api/v1/bank-accounts", LinkedRecordType.BANK_ACCOUNT);

	/** The code lists of setup, whose list endpoints answer files too. */
	static final String CODE_LISTS = "/api/v1/{list:business-relations|salespeople|territories|countries-regions|languages"
			+ "|currencies|customer-templates|vendor-templates|interaction-templates|number-series}";

	private final ExportSources sources;

	ExportController(ExportSources sources) {
		this.sources = sources;
	}

	@GetMapping(path = "/api/v1/contacts", produces = CSV)
	void contactsAsCsv(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String companyNo,
			@RequestParam(required = false) @Nullable String businessRelation,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String separator,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language,
			HttpServletResponse response) throws IOException {
		Downloads.send(sources.contacts(type, companyNo, businessRelation, q, limit, cursor), ExportFormat.CSV,
				dialect(separator, language), response);
	}

	@GetMapping(path = "/api/v1/contacts", produces = XLSX)
	void contactsAsXlsx(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String companyNo,
			@RequestParam(required = false) @Nullable String businessRelation,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, HttpServletResponse response) throws IOException {
		Downloads.send(sources.contacts(type, companyNo, businessRelation, q, limit, cursor), ExportFormat.XLSX,
				CsvDialect.ENGLISH, response);
	}

	@GetMapping(path = "/api/v1/contacts", produces = VCARD)
	void contactsAsVcards(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String companyNo,
			@RequestParam(required = false) @Nullable String businessRelation,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, HttpServletResponse response) throws IOException {
		Downloads.send(sources.contacts(type, companyNo, businessRelation, q, limit, cursor), ExportFormat.VCARD,
				CsvDialect.ENGLISH, response);
	}

	@GetMapping(path = "/api/v1/contacts/{no}", produces = VCARD)
	void contactAsVcard(@PathVariable String no, HttpServletResponse response) throws IOException {
		ExportedList contact = sources.contact(no);
		Downloads.send(contact, ExportFormat.VCARD, CsvDialect.ENGLISH, contact.name() + ".vcf", response);
	}

	@GetMapping(path = { "/api/v1/customers", "/api/v1/vendors", "/api/v1/bank-accounts" }, produces = CSV)
	void linkedAsCsv(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String separator,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		Downloads.send(sources.linked(linkedType(request), q, limit, cursor), ExportFormat.CSV,
				dialect(separator, language), response);
	}

	@GetMapping(path = { "/api/v1/customers", "/api/v1/vendors", "/api/v1/bank-accounts" }, produces = XLSX)
	void linkedAsXlsx(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Downloads.send(sources.linked(linkedType(request), q, limit, cursor), ExportFormat.XLSX, CsvDialect.ENGLISH,
				response);
	}

	@GetMapping(path = CODE_LISTS, produces = CSV)
	void codeListAsCsv(@PathVariable String list, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String separator,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String language,
			HttpServletResponse response) throws IOException {
		Downloads.send(sources.codeList(list, limit, cursor), ExportFormat.CSV, dialect(separator, language), response);
	}

	@GetMapping(path = CODE_LISTS, produces = XLSX)
	void codeListAsXlsx(@PathVariable String list, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, HttpServletResponse response) throws IOException {
		Downloads.send(sources.codeList(list, limit, cursor), ExportFormat.XLSX, CsvDialect.ENGLISH, response);
	}

	private static CsvDialect dialect(@Nullable String separator, @Nullable String language) {
		return CsvDialect.of(separator, CsvDialect.norwegian(language));
	}

	private static LinkedRecordType linkedType(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		LinkedRecordType type = LINKED.get(String.valueOf(pattern));
		if (type == null) {
			throw new IllegalStateException("No export for " + pattern + " among " + List.copyOf(LINKED.keySet()));
		}
		return type;
	}

}
