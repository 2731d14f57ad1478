package io.contactsync.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.platform.Page;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.SetupTableDefinitions;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Lets a form offer the setup's code lists instead of asking for a code to be typed from
 * memory: a salesperson, territory, country, language or currency is chosen by its code
 * and name, a post code is suggested with its city as it is typed. The services still
 * check every code; this only saves the user looking it up.
 */
@Component
class Lookups {

	/** The code list of each kind of code field, by how its name ends. */
	private static final Map<String, Table> CODE_LISTS = Map.of("salespersoncode", SetupTableDefinitions.SALESPEOPLE,
			"purchasercode", SetupTableDefinitions.SALESPEOPLE, "ourcontactcode", SetupTableDefinitions.SALESPEOPLE,
			"territorycode", SetupTableDefinitions.TERRITORIES, "countryregioncode",
			SetupTableDefinitions.COUNTRIES_REGIONS, "languagecode", SetupTableDefinitions.LANGUAGES, "currencycode",
			SetupTableDefinitions.CURRENCIES);

	private final TableStore store;

	Lookups(TableStore store) {
		this.store = store;
	}

	/** The fields, with each code field made a choice from its list. */
	List<FormField> offer(List<FormField> fields) {
		Map<Table, List<FormField.Choice>> read = new HashMap<>();
		List<FormField> offered = new ArrayList<>(fields.size());
		for (FormField field : fields) {
			Table list = codeList(field.name());
			if (field.readOnly()) {
				offered.add(field);
			}
			else if (list != null) {
				List<FormField.Choice> choices = new ArrayList<>(read.computeIfAbsent(list, this::choices));
				if (!field.value().isEmpty()
						&& choices.stream().noneMatch(choice -> choice.value().equals(field.value()))) {
					// a value the list no longer has is shown, not silently dropped
					choices.add(new FormField.Choice(field.value(), field.value()));
				}
				offered.add(field.choosing(choices));
			}
			else if (field.name().equals("postCode")) {
				offered.add(field.suggesting(postCodes()));
			}
			else {
				offered.add(field);
			}
		}
		return offered;
	}

	/** A template to start a new customer or vendor from: code and description. */
	List<FormField.Choice> templates(Table templates) {
		return store.list(templates, Page.MAX_LIMIT, null)
			.items()
			.stream()
			.map(row -> new FormField.Choice(String.valueOf(row.text("code")),
					label(row.text("code"), row.text("description"))))
			.toList();
	}

	private static @Nullable Table codeList(String field) {
		String name = field.toLowerCase(Locale.ROOT);
		return CODE_LISTS.entrySet()
			.stream()
			.filter(entry -> name.endsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private List<FormField.Choice> choices(Table list) {
		String named = list.field("name").isPresent() ? "name" : "description";
		return store.list(list, Page.MAX_LIMIT, null)
			.items()
			.stream()
			.map(row -> new FormField.Choice(String.valueOf(row.text("code")),
					label(row.text("code"), row.text(named))))
			.toList();
	}

	private List<FormField.Choice> postCodes() {
		return store.list(SetupTableDefinitions.POST_CODES, Page.MAX_LIMIT, null)
			.items()
			.stream()
			.map(row -> new FormField.Choice(String.valueOf(row.text("code")), String.valueOf(row.text("city"))))
			.toList();
	}

	private static String label(@Nullable String code, @Nullable String name) {
		String shown = code == null ? "" : code;
		return name == null || name.isBlank() ? shown : shown + " – " + name;
	}

}
