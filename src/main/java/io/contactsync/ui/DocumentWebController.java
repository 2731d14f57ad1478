package io.contactsync.ui;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.contactsync.interaction.MailOut;
import io.contactsync.platform.Message;
import io.contactsync.document.Doc;
import io.contactsync.document.DocumentKind;
import io.contactsync.document.DocumentPrinting;
import io.contactsync.document.Documents;
import io.contactsync.interaction.InteractionTemplateSetup;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.Page;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.SetupTableDefinitions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quotes, orders, blanket orders and service orders: lists, the card with its lines, and
 * Make order, Print and Send, through the same service as the API.
 */
@Controller
@RequestMapping("/documents/{resource}")
class DocumentWebController {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final Documents documents;

	private final DocumentPrinting printing;

	private final InteractionTemplateSetup interactionSetup;

	private final TableStore store;

	private final Forms forms;

	private final Pages pages;

	private final MailOut mail;

	DocumentWebController(Documents documents, DocumentPrinting printing, InteractionTemplateSetup interactionSetup,
			TableStore store, Forms forms, Pages pages, MailOut mail) {
		this.mail = mail;
		this.documents = documents;
		this.printing = printing;
		this.interactionSetup = interactionSetup;
		this.store = store;
		this.forms = forms;
		this.pages = pages;
	}

	@GetMapping
	String list(@PathVariable String resource, @RequestParam(required = false) @Nullable String cursor, Model model) {
		DocumentKind kind = kind(resource);
		Page<Doc> page = documents.list(kind, null, null, null, 50, cursor == null || cursor.isBlank() ? null : cursor);
		describe(kind, model);
		model.addAttribute("page", page);
		return "documents/list";
	}

	@GetMapping("/{no}")
	String card(@PathVariable String resource, @PathVariable String no, Model model) {
		DocumentKind kind = kind(resource);
		Doc doc = documents.get(kind, no);
		describe(kind, model);
		model.addAttribute("doc", doc);
		model.addAttribute("total",
				doc.lines()
					.stream()
					.map(line -> line.quantity().multiply(line.unitPrice()))
					.reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("canMakeOrder", kind.isQuote() || kind == DocumentKind.SALES_BLANKET_ORDER
				|| kind == DocumentKind.PURCHASE_BLANKET_ORDER);
		model.addAttribute("needsTemplate", kind.isQuote() && doc.recordNo() == null);
		model.addAttribute("templates",
				store
					.list(kind == DocumentKind.PURCHASE_QUOTE ? SetupTableDefinitions.VENDOR_TEMPLATES
							: SetupTableDefinitions.CUSTOMER_TEMPLATES, Page.MAX_LIMIT, null)
					.items());
		model.addAttribute("logsWhenPrinted",
				kind.printed() != null && interactionSetup.templateFor(kind.printed()).isPresent());
		return "documents/card";
	}

	@PostMapping("/{no}")
	String save(@PathVariable String resource, @PathVariable String no, @RequestParam long version,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String documentDate, Locale locale, RedirectAttributes next) {
		ObjectNode body = JSON.objectNode();
		body.put("description", description == null ? "" : description);
		if (documentDate != null && !documentDate.isBlank()) {
			body.put("documentDate", documentDate);
		}
		return change(resource, no, version, body, locale, next);
	}

	@PostMapping("/{no}/lines")
	String addLine(@PathVariable String resource, @PathVariable String no, @RequestParam long version,
			@RequestParam(required = false) @Nullable String description, @RequestParam String quantity,
			@RequestParam String unitPrice, Locale locale, RedirectAttributes next) {
		Doc doc = documents.get(kind(resource), no);
		ArrayNode lines = lines(doc.lines());
		ObjectNode added = lines.addObject().put("description", description == null ? "" : description);
		number(added, "quantity", quantity);
		number(added, "unitPrice", unitPrice);
		return change(resource, no, version, JSON.objectNode().set("lines", lines), locale, next);
	}

	@PostMapping("/{no}/lines/{lineNo}/delete")
	String removeLine(@PathVariable String resource, @PathVariable String no, @PathVariable int lineNo,
			@RequestParam long version, Locale locale, RedirectAttributes next) {
		Doc doc = documents.get(kind(resource), no);
		ArrayNode lines = lines(doc.lines().stream().filter(line -> line.lineNo() != lineNo).toList());
		return change(resource, no, version, JSON.objectNode().set("lines", lines), locale, next);
	}

	@PostMapping("/{no}/make-order")
	String makeOrder(@PathVariable String resource, @PathVariable String no,
			@RequestParam(required = false) @Nullable String template, Locale locale, RedirectAttributes next) {
		DocumentKind kind = kind(resource);
		try {
			Doc order = documents.makeOrder(kind, no, template == null || template.isBlank() ? null : template);
			next.addFlashAttribute("saved", forms.message("document.orderMade", locale, order.no()));
			return "redirect:/documents/" + order.kind().resource() + "/" + order.no();
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/documents/" + resource + "/" + no;
		}
	}

	@PostMapping("/{no}/print")
	ResponseEntity<byte[]> print(@PathVariable String resource, @PathVariable String no,
			@RequestParam(defaultValue = "false") boolean logInteraction) {
		byte[] pdf = printing.print(kind(resource), no, logInteraction);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(no + ".pdf").build().toString())
			.body(pdf);
	}

	@PostMapping("/{no}/send")
	String send(@PathVariable String resource, @PathVariable String no,
			@RequestParam(required = false) @Nullable String to, Locale locale, RedirectAttributes next) {
		try {
			printing.send(kind(resource), no, to);
			next.addFlashAttribute("saved",
					forms.message(mail.sendsMail() ? "document.sent" : "document.queued", locale, no));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/documents/" + resource + "/" + no;
	}

	@GetMapping("/{no}/delete")
	String confirmDelete(@PathVariable String resource, @PathVariable String no, Model model, Locale locale) {
		DocumentKind kind = kind(resource);
		Doc doc = documents.get(kind, no);
		model.addAttribute("title", forms.message("delete.document", locale, kind.title(isEnglish(locale)), no));
		model.addAttribute("kept", List.of(forms.message("keep.party", locale, doc.partyName())));
		model.addAttribute("action", "/documents/" + resource + "/" + no + "/delete");
		model.addAttribute("version", doc.version());
		model.addAttribute("back", "/documents/" + resource + "/" + no);
		model.addAttribute("active", "documents");
		return "confirm-delete";
	}

	@PostMapping("/{no}/delete")
	String delete(@PathVariable String resource, @PathVariable String no, @RequestParam long version, Locale locale,
			RedirectAttributes next) {
		try {
			documents.delete(kind(resource), no, ExpectedVersion.of(version));
			next.addFlashAttribute("saved", forms.message("record.deleted", locale, no));
			return "redirect:/documents/" + resource;
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/documents/" + resource + "/" + no;
		}
	}

	private String change(String resource, String no, long version, ObjectNode body, Locale locale,
			RedirectAttributes next) {
		try {
			documents.patch(kind(resource), no, ExpectedVersion.of(version), body);
			next.addFlashAttribute("saved", forms.message("record.saved", locale));
		}
		catch (ProblemException refused) {
			if (refused instanceof Problems.VersionConflict) {
				next.addFlashAttribute("conflict", forms.message("conflict.message", locale));
				next.addFlashAttribute("reload", "/documents/" + resource + "/" + no);
			}
			else {
				pages.refused(next, refused, locale);
			}
		}
		return "redirect:/documents/" + resource + "/" + no;
	}

	private static ArrayNode lines(List<Doc.Line> lines) {
		ArrayNode array = JSON.arrayNode();
		lines.forEach(line -> array.addObject()
			.put("description", line.description())
			.put("quantity", line.quantity())
			.put("unitPrice", line.unitPrice()));
		return array;
	}

	private static void number(ObjectNode line, String name, String typed) {
		try {
			line.put(name, LocalFormats.parse(typed));
		}
		catch (NumberFormatException ex) {
			line.put(name, typed);
		}
	}

	private void describe(DocumentKind kind, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("resource", kind.resource());
		model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
		model.addAttribute("active", "documents");
	}

	static boolean isEnglish(Locale locale) {
		return "en".equals(locale.getLanguage());
	}

	private static DocumentKind kind(String resource) {
		return DocumentKind.ofResource(resource)
			.orElseThrow(() -> new Problems.NotFound(Message.of("detail.resource"), resource));
	}

}
