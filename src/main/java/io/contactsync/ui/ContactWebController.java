package io.contactsync.ui;

import io.contactsync.integration.ExternalIds;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.contactsync.contact.ContactRoles;
import io.contactsync.contact.Contacts;
import io.contactsync.contact.MergeProblems;
import io.contactsync.contact.DuplicateSearch;
import io.contactsync.interaction.InteractionLog;
import io.contactsync.interaction.InteractionTemplates;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableStore;
import io.contactsync.relation.Linking;
import io.contactsync.setup.SetupTableDefinitions;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The contacts list (search as you type, filters, keyset paging) and the contact card:
 * edit, create, delete, and what a company has: its people, business relations,
 * duplicates and interactions. The card's actions are in
 * {@link ContactActionsWebController}.
 */
@Controller
@RequestMapping("/contacts")
class ContactWebController {

	/**
	 * What a company's card does not ask for: it is no person, and is its own company.
	 */
	private static final Set<String> NOT_FOR_COMPANIES = Set.of("firstName", "middleName", "surname", "jobTitle",
			"companyNo", "companyName");

	private static final Set<String> SHOWN_ELSEWHERE = Set.of("no", "lastModifiedAt");

	private final Contacts contacts;

	private final ExternalIds externalIds;

	private final Linking linking;

	private final DuplicateSearch duplicates;

	private final InteractionLog interactions;

	private final TableStore store;

	private final Forms forms;

	private final Pages pages;

	private final SyncEffects effects;

	private final Lookups lookups;

	private final ContactRoles roles;

	ContactWebController(Contacts contacts, Linking linking, DuplicateSearch duplicates, InteractionLog interactions,
			TableStore store, Forms forms, Pages pages, SyncEffects effects, ExternalIds externalIds, Lookups lookups,
			ContactRoles roles) {
		this.lookups = lookups;
		this.roles = roles;
		this.externalIds = externalIds;
		this.contacts = contacts;
		this.linking = linking;
		this.duplicates = duplicates;
		this.interactions = interactions;
		this.store = store;
		this.forms = forms;
		this.pages = pages;
		this.effects = effects;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String relation,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Page<Row> page = contacts.list(Forms.blankAsNull(type), null, Forms.blankAsNull(relation), Forms.blankAsNull(q),
				50, Forms.blankAsNull(cursor));
		model.addAttribute("page", page);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("type", type == null ? "" : type);
		model.addAttribute("relation", relation == null ? "" : relation);
		model.addAttribute("relations", List.of("NONE", "CUSTOMER", "VENDOR", "BANK_ACCOUNT", "MULTIPLE", "OTHER"));
		// A search as you type swaps the rows only; a next page adds its rows below.
		if (htmx != null) {
			return cursor == null || cursor.isBlank() ? "contacts/list :: results" : "contacts/list :: rows";
		}
		return "contacts/list";
	}

	@GetMapping("/new")
	String newContact(@RequestParam(required = false) @Nullable String companyNo, Model model, Locale locale) {
		Map<String, @Nullable Object> start = new HashMap<>();
		if (companyNo != null) {
			start.put("type", "PERSON");
			start.put("companyNo", companyNo);
		}
		return newForm(model, start, Map.of(), locale);
	}

	@PostMapping
	String create(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			HttpServletRequest request, RedirectAttributes next) {
		try {
			SyncEffects.Outcome<Row> created = effects
				.during(() -> contacts.create(forms.body(contacts.table(), form, true)));
			Row contact = created.result();
			pages.saved(next, forms.message("contact.created", locale, contact.text("no")),
					created.alsoUpdated(Contacts.RECORD_TYPE, contact.text("no")), locale);
			flashDuplicates(contact, next, locale);
			return "redirect:/contacts/" + contact.text("no");
		}
		catch (ProblemException refused) {
			Map<String, String> errors = pages.refusedForm(model, refused, locale, request);
			return newForm(model, Forms.typed(form), errors, locale);
		}
	}

	/**
	 * A contact's card; a merged one's number leads to where it went, saying so (for a
	 * person following a link, unlike the API: docs/merge.md, "Merged numbers").
	 */
	@GetMapping("/{no}")
	String card(@PathVariable String no, Model model, Locale locale, RedirectAttributes next) {
		Row contact;
		try {
			contact = contacts.get(no);
		}
		catch (MergeProblems.Merged merged) {
			pages.refused(next, merged, locale);
			return "redirect:/contacts/" + merged.mergedInto();
		}
		return card(contact, contact.values(), Map.of(), model, locale);
	}

	@PostMapping("/{no}")
	String save(@PathVariable String no, @RequestParam long version, @RequestParam MultiValueMap<String, String> form,
			Model model, Locale locale, HttpServletRequest request, RedirectAttributes next) {
		try {
			SyncEffects.Outcome<Row> saved = effects.during(
					() -> contacts.patch(no, ExpectedVersion.of(version), forms.body(contacts.table(), form, false)));
			pages.saved(next, forms.message("record.saved", locale), saved.alsoUpdated(Contacts.RECORD_TYPE, no),
					locale);
			flashDuplicates(saved.result(), next, locale);
			return "redirect:/contacts/" + no;
		}
		catch (ProblemException refused) {
			Map<String, String> errors = pages.refusedForm(model, refused, locale, request);
			Row stored = contacts.get(no);
			model.addAttribute("typedVersion", version);
			return card(stored, Forms.typed(form), errors, model, locale);
		}
	}

	@GetMapping("/{no}/delete")
	String confirmDelete(@PathVariable String no, Model model, Locale locale) {
		Row contact = contacts.get(no);
		List<String> kept = linking.relationsOf(no)
			.stream()
			.filter(relation -> relation.isLink())
			.map(relation -> forms.message("keep." + relation.linkToTable(), locale, relation.linkedNo()))
			.toList();
		model.addAttribute("title", forms.message("delete.contact", locale, no, contact.text("name")));
		model.addAttribute("kept", kept.isEmpty() ? List.of(forms.message("keep.nothingLinked", locale)) : kept);
		model.addAttribute("action", "/contacts/" + no + "/delete");
		model.addAttribute("version", contact.version());
		model.addAttribute("back", "/contacts/" + no);
		model.addAttribute("active", "contacts");
		return "confirm-delete";
	}

	@PostMapping("/{no}/delete")
	String delete(@PathVariable String no, @RequestParam long version, Locale locale, RedirectAttributes next) {
		try {
			contacts.delete(no, ExpectedVersion.of(version));
			next.addFlashAttribute("saved", forms.message("contact.deleted", locale, no));
			return "redirect:/contacts";
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/contacts/" + no;
		}
	}

	private void flashDuplicates(Row contact, RedirectAttributes next, Locale locale) {
		List<DuplicateSearch.Duplicate> found = duplicates.autosearch(contact);
		if (found != null && !found.isEmpty()) {
			next.addFlashAttribute("problem", forms.message("duplicates.found", locale,
					String.join(", ", found.stream().map(DuplicateSearch.Duplicate::duplicateContactNo).toList())));
		}
	}

	private String newForm(Model model, Map<String, ? extends @Nullable Object> values, Map<String, String> errors,
			Locale locale) {
		model.addAttribute("creating", true);
		model.addAttribute("sections",
				CardSections.of(Contacts.RECORD_TYPE, lookups
					.offer(forms.fields(contacts.table(), values, errors, true, Set.of("companyName", "no"), locale)),
						forms, locale));
		model.addAttribute("active", "contacts");
		return "contacts/new";
	}

	private String card(Row contact, Map<String, ? extends @Nullable Object> values, Map<String, String> errors,
			Model model, Locale locale) {
		String no = contact.text("no");
		boolean company = "COMPANY".equals(contact.text("type"));
		Set<String> leaveOut = new HashSet<>(SHOWN_ELSEWHERE);
		if (company) {
			leaveOut.addAll(NOT_FOR_COMPANIES);
		}
		model.addAttribute("contact", contact);
		model.addAttribute("warnings", forms.warnings(contact, locale));
		model.addAttribute("externalIds", externalIds.of("CONTACT", no));
		model.addAttribute("company", company);
		model.addAttribute("version",
				model.containsAttribute("typedVersion") ? model.getAttribute("typedVersion") : contact.version());
		model.addAttribute("sections", CardSections.of(Contacts.RECORD_TYPE,
				lookups.offer(forms.fields(contacts.table(), values, errors, false, leaveOut, locale)), forms, locale));
		model.addAttribute("relationLabel", forms.choice(contact.text("contactBusinessRelation"), locale));
		model.addAttribute("relations", linking.relationsOf(no));
		model.addAttribute("people", company ? contacts.list("PERSON", no, null, null, 200, null).items() : List.of());
		List<DuplicateSearch.Duplicate> found = company ? duplicates.of(no, false) : List.of();
		model.addAttribute("duplicates", found);
		// A duplicate is recognised by its name, not its number.
		Map<String, String> names = new HashMap<>();
		found.forEach(duplicate -> contacts.find(duplicate.duplicateContactNo())
			.ifPresent(other -> names.put(other.text("no"), other.text("name"))));
		model.addAttribute("duplicateNames", names);
		Map<String, String> reasons = new HashMap<>();
		found.forEach(duplicate -> reasons.put(duplicate.duplicateContactNo(), why(duplicate, locale)));
		model.addAttribute("duplicateReasons", reasons);
		Map<String, String> mergeLinks = new HashMap<>();
		found.forEach(duplicate -> mergeLinks.put(duplicate.duplicateContactNo(),
				UriComponentsBuilder.fromPath("/contacts/merge")
					.queryParam("nos", no, duplicate.duplicateContactNo())
					.queryParam("survivor", no)
					.encode()
					.build()
					.toUriString()));
		model.addAttribute("mergeLinks", mergeLinks);
		model.addAttribute("contactRoles", company ? roles.at(no) : roles.of(no));
		model.addAttribute("interactions", interactions.ofContact(no));
		model.addAttribute("customerTemplates", codes(SetupTableDefinitions.CUSTOMER_TEMPLATES));
		model.addAttribute("interactionTemplates", codes(InteractionTemplates.TABLE));
		model.addAttribute("active", "contacts");
		return "contacts/card";
	}

	/**
	 * Why two companies are duplicates: the search strings they share, and their share of
	 * the company's strings ("5 of 6 search strings alike (83 %): Name starts DUPVE,
	 * ...").
	 */
	private String why(DuplicateSearch.Duplicate duplicate, Locale locale) {
		String strings = duplicate.matches()
			.stream()
			.map(string -> forms.message("duplicates.string", locale, forms.label(string.field(), locale),
					forms.message("duplicates.part." + string.part(), locale), string.value()))
			.collect(java.util.stream.Collectors.joining(", "));
		return forms.message("duplicates.why", locale, duplicate.matchingStrings(), duplicate.searchStrings(),
				duplicate.sharePercent(), strings);
	}

	private List<Row> codes(Table table) {
		return store.list(table, Page.MAX_LIMIT, null).items();
	}

}
