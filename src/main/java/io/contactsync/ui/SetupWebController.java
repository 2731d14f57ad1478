package io.contactsync.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.contactsync.platform.Message;
import io.contactsync.interaction.DocumentType;
import io.contactsync.interaction.InteractionTemplateSetup;
import io.contactsync.interaction.InteractionTemplates;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesTable;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SetupTableDefinitions;
import io.contactsync.setup.SyncDirection;
import io.contactsync.setup.SyncField;
import io.contactsync.setup.SyncFieldMap;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Setup, for administrators: marketing and numbering setup, number series, business
 * relations, code lists, templates, interaction templates and their setup, and the sync
 * field map. Each table is edited through the same store and rules as its API resource.
 */
@Controller
@RequestMapping("/setup")
class SetupWebController {

	/**
	 * The tables by the last part of their API path, in the order the index lists them.
	 */
	private static final Map<String, Table> TABLES = new LinkedHashMap<>();

	static {
		for (Table table : List.of(SetupTableDefinitions.COMPANY_INFORMATION, SetupTableDefinitions.MARKETING_SETUP,
				SetupTableDefinitions.NUMBERING_SETUP, NumberSeriesTable.TABLE,
				SetupTableDefinitions.BUSINESS_RELATIONS, SetupTableDefinitions.CUSTOMER_TEMPLATES,
				SetupTableDefinitions.VENDOR_TEMPLATES, InteractionTemplates.TABLE, SetupTableDefinitions.SALESPEOPLE,
				SetupTableDefinitions.TERRITORIES, SetupTableDefinitions.COUNTRIES_REGIONS,
				SetupTableDefinitions.LANGUAGES, SetupTableDefinitions.CURRENCIES, SetupTableDefinitions.POST_CODES)) {
			TABLES.put(table.resource().replace("setup/", ""), table);
		}
	}

	private final TableStore store;

	private final SyncFieldMap syncFields;

	private final InteractionTemplateSetup interactionSetup;

	private final Forms forms;

	private final Pages pages;

	private final Lookups lookups;

	private final NumberSeries numberSeries;

	SetupWebController(TableStore store, SyncFieldMap syncFields, InteractionTemplateSetup interactionSetup,
			Forms forms, Pages pages, Lookups lookups, NumberSeries numberSeries) {
		this.lookups = lookups;
		this.numberSeries = numberSeries;
		this.store = store;
		this.syncFields = syncFields;
		this.interactionSetup = interactionSetup;
		this.forms = forms;
		this.pages = pages;
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("tables", TABLES.keySet());
		model.addAttribute("active", "setup");
		return "setup/index";
	}

	@GetMapping("/sync-fields")
	String syncFields(Model model, Locale locale) {
		Map<String, Map<LinkedRecordType, SyncDirection>> byField = new LinkedHashMap<>();
		for (SyncField entry : syncFields.entries()) {
			byField.computeIfAbsent(entry.field(), field -> new EnumMap<>(LinkedRecordType.class))
				.put(entry.recordType(), entry.direction());
		}
		model.addAttribute("byField", byField);
		Map<String, String> labels = new LinkedHashMap<>();
		byField.keySet().forEach(field -> labels.put(field, forms.label(field, locale)));
		model.addAttribute("labels", labels);
		model.addAttribute("types", LinkedRecordType.values());
		model.addAttribute("directions", SyncDirection.values());
		model.addAttribute("active", "setup");
		return "setup/sync-fields";
	}

	@PostMapping("/sync-fields")
	String saveSyncFields(@RequestParam MultiValueMap<String, String> form, Locale locale, RedirectAttributes next) {
		List<SyncField> changes = new ArrayList<>();
		for (SyncField entry : syncFields.entries()) {
			String given = form.getFirst(entry.recordType().name() + "." + entry.field());
			if (given != null && !given.equals(entry.direction().name())) {
				changes.add(new SyncField(entry.recordType(), entry.field(), SyncDirection.valueOf(given)));
			}
		}
		try {
			syncFields.update(changes);
			next.addFlashAttribute("saved", forms.message("record.saved", locale));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/sync-fields";
	}

	@GetMapping("/interaction-template-setup")
	String interactionTemplateSetup(Model model) {
		model.addAttribute("setup", interactionSetup.all());
		model.addAttribute("templates", store.list(InteractionTemplates.TABLE, Page.MAX_LIMIT, null).items());
		model.addAttribute("active", "setup");
		return "setup/interaction-template-setup";
	}

	@PostMapping("/interaction-template-setup")
	String saveInteractionTemplateSetup(@RequestParam MultiValueMap<String, String> form, Locale locale,
			RedirectAttributes next) {
		Map<DocumentType, @Nullable String> setup = new EnumMap<>(DocumentType.class);
		for (DocumentType type : DocumentType.values()) {
			String code = form.getFirst(type.name());
			setup.put(type, code == null || code.isBlank() ? null : code);
		}
		try {
			interactionSetup.replace(setup);
			next.addFlashAttribute("saved", forms.message("record.saved", locale));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/interaction-template-setup";
	}

	@GetMapping("/{name}")
	String table(@PathVariable String name, Model model, Locale locale) {
		Table table = table(name);
		if (table.isSingleton()) {
			Row row = store.singleton(table);
			return singleton(name, table, row.values(), Map.of(), row.version(), model, locale);
		}
		listRows(table, model, locale);
		return rowForm(name, table, Map.of(), Map.of(), null, model, locale);
	}

	@PostMapping("/{name}")
	String save(@PathVariable String name, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(required = false) @Nullable List<String> key,
			@RequestParam MultiValueMap<String, String> form, Model model, Locale locale, HttpServletRequest request,
			RedirectAttributes next) {
		Table table = table(name);
		try {
			if (table.isSingleton()) {
				store.replace(table, version == null ? null : ExpectedVersion.of(version),
						forms.body(table, form, false));
			}
			else if (key == null || key.isEmpty()) {
				store.create(table, forms.body(table, form, true));
			}
			else {
				if (table == NumberSeriesTable.TABLE) {
					numberSeries.settle(key.get(0).toUpperCase(Locale.ROOT));
				}
				store.patch(table, key, ExpectedVersion.of(version == null ? -1 : version),
						forms.body(table, form, false));
			}
			next.addFlashAttribute("saved", forms.message("record.saved", locale));
			return "redirect:/setup/" + name;
		}
		catch (ProblemException refused) {
			Map<String, String> errors = pages.refusedForm(model, refused, locale, request);
			if (table.isSingleton()) {
				return singleton(name, table, Forms.typed(form), errors, version == null ? 0 : version, model, locale);
			}
			listRows(table, model, locale);
			return rowForm(name, table, Forms.typed(form), errors, key == null || key.isEmpty() ? null : key, model,
					locale);
		}
	}

	/** One row of a code table, to change it. */
	@GetMapping("/{name}/edit")
	String edit(@PathVariable String name, @RequestParam List<String> key, Model model, Locale locale) {
		Table table = table(name);
		Row row = store.get(table, key);
		model.addAttribute("version", row.version());
		return rowForm(name, table, shown(table, row), Map.of(), key, model, locale);
	}

	/**
	 * Asks before a row of a code table is deleted: what the row is, and that nothing
	 * else goes with it.
	 */
	@GetMapping("/{name}/delete")
	String confirmDelete(@PathVariable String name, @RequestParam List<String> key, Model model, Locale locale) {
		Table table = table(name);
		Row row = store.get(table, key);
		String what = forms.named(new Problems.Use(table.table().toUpperCase(Locale.ROOT), String.join(" ", key)),
				locale);
		// "Slette selger KH?": the kind of record mid-sentence, in lower case.
		model.addAttribute("title",
				forms.message("delete.setup", locale, what.substring(0, 1).toLowerCase(locale) + what.substring(1)));
		model.addAttribute("kept", List.of(forms.message("keep.setup", locale)));
		model.addAttribute("action",
				UriComponentsBuilder.fromPath("/setup/{name}/delete")
					.queryParam("key", key.toArray())
					.buildAndExpand(name)
					.encode()
					.toUriString());
		model.addAttribute("version", row.version());
		model.addAttribute("back",
				UriComponentsBuilder.fromPath("/setup/{name}/edit")
					.queryParam("key", key.toArray())
					.buildAndExpand(name)
					.encode()
					.toUriString());
		model.addAttribute("active", "setup");
		return "confirm-delete";
	}

	@PostMapping("/{name}/delete")
	String delete(@PathVariable String name, @RequestParam List<String> key, @RequestParam long version, Locale locale,
			RedirectAttributes next) {
		try {
			store.delete(table(name), key, ExpectedVersion.of(version));
			next.addFlashAttribute("saved", forms.message("record.deleted", locale, String.join(" ", key)));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/" + name;
	}

	/** A row of a code table as its list shows it: its key, and its first few values. */
	record ListedRow(List<String> key, List<String> cells) {
	}

	private void listRows(Table table, Model model, Locale locale) {
		List<Field> columns = table.allFields().stream().limit(6).toList();
		model.addAttribute("columns", columns.stream().map(field -> forms.label(field.name(), locale)).toList());
		model.addAttribute("rows", store.list(table, Page.MAX_LIMIT, null).items().stream().map(row -> {
			Map<String, @Nullable Object> shown = shown(table, row);
			return new ListedRow(table.keys().stream().map(key -> row.text(key.name())).toList(),
					columns.stream().map(field -> forms.cell(field, shown.get(field.name()), locale)).toList());
		}).toList());
	}

	/**
	 * A row as the page shows it: a number series that allows gaps with the number its
	 * sequence handed out last ({@link NumberSeries#lastNoDrawn}).
	 */
	private Map<String, @Nullable Object> shown(Table table, Row row) {
		if (table != NumberSeriesTable.TABLE || !row.flag("allowGaps")) {
			return row.values();
		}
		Map<String, @Nullable Object> values = row.copyValues();
		numberSeries.lastNoDrawn(String.valueOf(row.get("code"))).ifPresent(no -> values.put("lastNoUsed", no));
		return values;
	}

	private String singleton(String name, Table table, Map<String, ? extends @Nullable Object> values,
			Map<String, String> errors, long version, Model model, Locale locale) {
		model.addAttribute("name", name);
		model.addAttribute("version", version);
		model.addAttribute("fields", lookups.offer(forms.fields(table, values, errors, false, Set.of(), locale)));
		model.addAttribute("active", "setup");
		return "setup/singleton";
	}

	private String rowForm(String name, Table table, Map<String, ? extends @Nullable Object> values,
			Map<String, String> errors, @Nullable List<String> key, Model model, Locale locale) {
		model.addAttribute("name", name);
		model.addAttribute("key", key);
		model.addAttribute("fields", lookups.offer(forms.fields(table, values, errors, key == null, Set.of(), locale)));
		model.addAttribute("active", "setup");
		return key == null ? "setup/table" : "setup/row";
	}

	private static Table table(String name) {
		Table table = TABLES.get(name);
		if (table == null) {
			throw new Problems.NotFound(Message.of("detail.resource"), name);
		}
		return table;
	}

}
