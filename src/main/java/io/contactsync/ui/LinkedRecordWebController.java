package io.contactsync.ui;

import io.contactsync.integration.ExternalIds;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.platform.Message;
import io.contactsync.bankaccount.BankAccounts;
import io.contactsync.customer.Customers;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.document.Doc;
import io.contactsync.document.DocumentKind;
import io.contactsync.document.Documents;
import io.contactsync.platform.table.Row;
import tools.jackson.databind.node.JsonNodeFactory;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.SetupTableDefinitions;
import tools.jackson.databind.node.ObjectNode;
import io.contactsync.relation.Linking;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.purchasing.Vendors;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customers, vendors and bank accounts: lists and cards with every field, including those
 * that never sync (posting groups, payment terms, account numbers), and the linked
 * contact one click away. The three differ only in their table, so one adapter serves
 * them.
 */
@Controller
@RequestMapping("/{kind:customers|vendors|bank-accounts}")
class LinkedRecordWebController {

	private static final Set<String> SHOWN_ELSEWHERE = Set.of("no", "contactNo", "lastModifiedAt");

	/** The templates a new record of each kind may start from. */
	private static final Map<String, Table> TEMPLATES = Map.of("customers", SetupTableDefinitions.CUSTOMER_TEMPLATES,
			"vendors", SetupTableDefinitions.VENDOR_TEMPLATES);

	private final Map<String, LinkedRecordService> services;

	private final Linking linking;

	private final Forms forms;

	private final Pages pages;

	private final SyncEffects effects;

	private final ExternalIds externalIds;

	private final Lookups lookups;

	private final Documents documents;

	LinkedRecordWebController(Customers customers, Vendors vendors, BankAccounts bankAccounts, Linking linking,
			Forms forms, Pages pages, SyncEffects effects, ExternalIds externalIds, Lookups lookups,
			Documents documents) {
		this.documents = documents;
		this.externalIds = externalIds;
		this.lookups = lookups;
		this.services = Map.of("customers", customers, "vendors", vendors, "bank-accounts", bankAccounts);
		this.linking = linking;
		this.forms = forms;
		this.pages = pages;
		this.effects = effects;
	}

	@GetMapping
	String list(@PathVariable String kind, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Page<Row> page = service(kind).list(q == null || q.isBlank() ? null : q, 50,
				cursor == null || cursor.isBlank() ? null : cursor);
		describe(kind, model);
		model.addAttribute("page", page);
		model.addAttribute("q", q == null ? "" : q);
		if (htmx != null) {
			return cursor == null || cursor.isBlank() ? "records/list :: results" : "records/list :: rows";
		}
		return "records/list";
	}

	@GetMapping("/new")
	String newRecord(@PathVariable String kind, Model model, Locale locale) {
		return newForm(kind, Map.of(), Map.of(), model, locale);
	}

	@PostMapping
	String create(@PathVariable String kind, @RequestParam MultiValueMap<String, String> form, Model model,
			Locale locale, HttpServletRequest request, RedirectAttributes next) {
		LinkedRecordService records = service(kind);
		try {
			ObjectNode body = forms.body(records.table(), form, true);
			String template = Forms.blankAsNull(form.getFirst("templateCode"));
			if (template != null && TEMPLATES.containsKey(kind)) {
				body.put("templateCode", template);
			}
			SyncEffects.Outcome<Row> created = effects.during(() -> records.create(body));
			pages.saved(next, forms.message("record.created", locale, created.result().text("no")),
					created.alsoUpdated(records.table().recordType(), created.result().text("no")), locale);
			return "redirect:/" + kind + "/" + created.result().text("no");
		}
		catch (ProblemException refused) {
			Map<String, String> errors = pages.refusedForm(model, refused, locale, request);
			return newForm(kind, Forms.typed(form), errors, model, locale);
		}
	}

	@GetMapping("/{no}")
	String card(@PathVariable String kind, @PathVariable String no, Model model, Locale locale) {
		Row record = service(kind).get(no);
		return card(kind, record, record.values(), Map.of(), record.version(), model, locale);
	}

	@PostMapping("/{no}")
	String save(@PathVariable String kind, @PathVariable String no, @RequestParam long version,
			@RequestParam MultiValueMap<String, String> form, Model model, Locale locale, HttpServletRequest request,
			RedirectAttributes next) {
		LinkedRecordService records = service(kind);
		try {
			SyncEffects.Outcome<Row> saved = effects
				.during(() -> records.patch(no, ExpectedVersion.of(version), forms.body(records.table(), form, false)));
			pages.saved(next, forms.message("record.saved", locale),
					saved.alsoUpdated(records.table().recordType(), no), locale);
			return "redirect:/" + kind + "/" + no;
		}
		catch (ProblemException refused) {
			Map<String, String> errors = pages.refusedForm(model, refused, locale, request);
			return card(kind, records.get(no), Forms.typed(form), errors, version, model, locale);
		}
	}

	/**
	 * A contact made from a record that has none: one by one, as the batch job does for
	 * many.
	 */
	@PostMapping("/{no}/create-contact")
	String createContact(@PathVariable String kind, @PathVariable String no, Locale locale, RedirectAttributes next) {
		try {
			LinkedRecordType type = LinkedRecordType.valueOf(service(kind).table().recordType());
			Optional<String> made = linking.createContactIfMissing(type, no);
			next.addFlashAttribute("saved", made.map(contactNo -> forms.message("contact.created", locale, contactNo))
				.orElseGet(() -> forms.message("contact.alreadyThere", locale)));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/" + kind + "/" + no;
	}

	/**
	 * A new quote for the customer (a sales quote) or the vendor (a purchase quote), as
	 * from the contact card; the page goes on to the quote.
	 */
	@PostMapping("/{no}/quote")
	String newQuote(@PathVariable String kind, @PathVariable String no, Locale locale, RedirectAttributes next) {
		DocumentKind quote = switch (kind) {
			case "customers" -> DocumentKind.SALES_QUOTE;
			case "vendors" -> DocumentKind.PURCHASE_QUOTE;
			default -> throw new Problems.NotFound(Message.of("detail.resource"), kind + "/quote");
		};
		try {
			Doc made = documents.create(quote, JsonNodeFactory.instance.objectNode().put(quote.recordField(), no));
			next.addFlashAttribute("saved", forms.message("document.created", locale, made.no()));
			return "redirect:/documents/" + quote.resource() + "/" + made.no();
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/" + kind + "/" + no;
		}
	}

	@GetMapping("/{no}/delete")
	String confirmDelete(@PathVariable String kind, @PathVariable String no, Model model, Locale locale) {
		Row record = service(kind).get(no);
		String contactNo = record.text("contactNo");
		model.addAttribute("title",
				forms.message("delete." + kind, locale, no, record.text("name") == null ? "" : record.text("name")));
		model.addAttribute("kept", List.of(contactNo == null ? forms.message("keep.nothingLinked", locale)
				: forms.message("keep.CONTACT", locale, contactNo)));
		model.addAttribute("action", "/" + kind + "/" + no + "/delete");
		model.addAttribute("version", record.version());
		model.addAttribute("back", "/" + kind + "/" + no);
		model.addAttribute("active", kind);
		return "confirm-delete";
	}

	@PostMapping("/{no}/delete")
	String delete(@PathVariable String kind, @PathVariable String no, @RequestParam long version, Locale locale,
			RedirectAttributes next) {
		try {
			service(kind).delete(no, ExpectedVersion.of(version));
			next.addFlashAttribute("saved", forms.message("record.deleted", locale, no));
			return "redirect:/" + kind;
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/" + kind + "/" + no;
		}
	}

	private String newForm(String kind, Map<String, ? extends @Nullable Object> values, Map<String, String> errors,
			Model model, Locale locale) {
		describe(kind, model);
		sections(kind, forms.fields(service(kind).table(), values, errors, true, Set.of("contactNo"), locale), model,
				locale);
		Table templates = TEMPLATES.get(kind);
		if (templates != null) {
			// a new customer or vendor starts from a template, chosen by its description
			model.addAttribute("templates", lookups.templates(templates));
			Object chosen = values.get("templateCode");
			model.addAttribute("templateCode", chosen == null ? "" : chosen.toString());
		}
		return "records/new";
	}

	private String card(String kind, Row record, Map<String, ? extends @Nullable Object> values,
			Map<String, String> errors, long version, Model model, Locale locale) {
		describe(kind, model);
		model.addAttribute("record", record);
		model.addAttribute("warnings", forms.warnings(record, locale));
		model.addAttribute("externalIds", externalIds.of(service(kind).type().name(), record.text("no")));
		model.addAttribute("version", version);
		sections(kind, forms.fields(service(kind).table(), values, errors, false, SHOWN_ELSEWHERE, locale), model,
				locale);
		return "records/card";
	}

	private void sections(String kind, List<FormField> fields, Model model, Locale locale) {
		model.addAttribute("sections",
				CardSections.of(service(kind).table().recordType(), lookups.offer(fields), forms, locale));
	}

	private void describe(String kind, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("active", kind);
		model.addAttribute("recordType", service(kind).table().recordType());
	}

	private LinkedRecordService service(String kind) {
		LinkedRecordService service = services.get(kind);
		if (service == null) {
			throw new Problems.NotFound(Message.of("detail.resource"), kind);
		}
		return service;
	}

}
