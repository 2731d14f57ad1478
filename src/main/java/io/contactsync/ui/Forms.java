package io.contactsync.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.DataChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Turns a table's fields into form fields and a submitted form into the JSON the services
 * take, so that the UI is checked by exactly the rules the API is checked by.
 */
@Component
class Forms {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final MessageSource messages;

	private final DataChecks checks;

	Forms(MessageSource messages, DataChecks checks) {
		this.messages = messages;
		this.checks = checks;
	}

	/**
	 * The fields of a form.
	 * @param values stored values by field name, or what the user typed
	 * @param creating whether the record is new, so that its key may be typed
	 * @param leaveOut fields the page shows elsewhere, or not at all
	 */
	List<FormField> fields(Table table, Map<String, ? extends @Nullable Object> values, Map<String, String> errors,
			boolean creating, Set<String> leaveOut, Locale locale) {
		List<FormField> fields = new ArrayList<>();
		for (Field field : table.allFields()) {
			if (leaveOut.contains(field.name()) || (creating && field.isReadOnly())) {
				continue;
			}
			boolean key = table.keys().contains(field);
			// A record's number ("no") left empty takes the next number of its series.
			boolean keyToType = key && creating && !field.name().equals("no");
			boolean readOnly = field.isReadOnly() || "timestamp".equals(field.inputType()) || (key && !creating);
			Object value = values.get(field.name());
			if (value == null && creating) {
				value = field.defaultValue();
			}
			List<FormField.Choice> choices = field.values()
				.stream()
				.map(choice -> new FormField.Choice(choice, choice(choice, locale)))
				.toList();
			fields.add(new FormField(field.name(), label(field.name(), locale), field.inputType(),
					shown(field.name(), value, locale), choices, field.maxLength(), field.isRequired() || keyToType,
					readOnly, errors.get(field.name()),
					key && creating && !keyToType ? message("field.no.next", locale) : null, List.of()));
		}
		return fields;
	}

	/**
	 * The JSON of a submitted form: the fields a user may change, typed as the API
	 * expects them. A number that is not one is sent as text, so that the service names
	 * the field.
	 */
	ObjectNode body(Table table, MultiValueMap<String, String> form, boolean creating) {
		ObjectNode body = JSON.objectNode();
		for (Field field : table.allFields()) {
			boolean key = table.keys().contains(field);
			if (field.isReadOnly() || "timestamp".equals(field.inputType()) || (key && !creating)) {
				continue;
			}
			List<String> given = form.get(field.name());
			if (given == null || given.isEmpty()) {
				continue;
			}
			// A checkbox comes after its hidden "false", so the last value is the answer.
			String value = given.get(given.size() - 1).strip();
			switch (field.inputType()) {
				case "checkbox" -> body.put(field.name(), "true".equals(value));
				case "number" -> putNumber(body, field, value);
				default -> {
					if (value.isEmpty() && (field.isCode() || "select".equals(field.inputType()) || key)) {
						if (!creating) {
							body.putNull(field.name());
						}
					}
					else {
						body.put(field.name(), value);
					}
				}
			}
		}
		return body;
	}

	/**
	 * A number as typed in either language ({@code 1 250,50} or {@code 1250.50}); one
	 * that is none is sent as text, so that the service names the field.
	 */
	private static void putNumber(ObjectNode body, Field field, String value) {
		if (value.isEmpty()) {
			body.putNull(field.name());
			return;
		}
		try {
			BigDecimal number = LocalFormats.parse(value);
			if (field.isInteger()) {
				body.put(field.name(), number.longValueExact());
			}
			else {
				body.put(field.name(), number);
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			body.put(field.name(), value);
		}
	}

	/** A field or parameter left empty means not given. */
	static @Nullable String blankAsNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/** What the user typed, to be shown again when a save is refused. */
	static Map<String, String> typed(MultiValueMap<String, String> form) {
		Map<String, String> typed = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			if (!values.isEmpty()) {
				typed.put(name, values.get(values.size() - 1));
			}
		});
		return typed;
	}

	/**
	 * The refusal's reasons by field, in the page's language; reasons without a field
	 * under the empty name.
	 */
	Map<String, String> errors(ProblemException refused, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : refused.errors()) {
			errors.merge(error.field(), say(error.message(), locale), (a, b) -> a + "; " + b);
		}
		return errors;
	}

	/**
	 * What a card warns of: each value of the record that fails a data check, with its
	 * field's label, in the page's language.
	 */
	List<String> warnings(Row record, Locale locale) {
		return checks.findings(record.values(), null)
			.stream()
			.map(finding -> label(finding.field(), locale) + ": " + checks.message(finding, locale))
			.toList();
	}

	/** A message of the services, in the page's language. */
	String say(Message message, Locale locale) {
		return messages.getMessage(message, locale);
	}

	String label(String field, Locale locale) {
		return messages.getMessage("field." + field, null, humanized(field), locale);
	}

	/**
	 * A stored value as a page shows it: a value of a choice (COMPANY, OUTBOUND) in the
	 * page's words, anything else as it is.
	 */
	String storedValue(@Nullable String value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value.equals("true") || value.equals("false")) {
			return messages.getMessage("value." + value, null, value, locale);
		}
		if (value.equals("(changed)")) {
			// what the change log keeps of a password
			return messages.getMessage("value.changed", null, value, locale);
		}
		if (value.matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z")) {
			// a moment (a token's expiry) as the page writes times, not as ISO
			return shown("", Instant.parse(value), locale);
		}
		if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return shown("", LocalDate.parse(value), locale);
		}
		if (!value.matches("[A-Z][A-Z_]+(, [A-Z][A-Z_]+)*")) {
			return value;
		}
		// one choice (COMPANY), or a user's roles (ADMIN, SALES)
		return Arrays.stream(value.split(", "))
			.map(word -> messages.getMessage("choice." + word, null,
					messages.getMessage("role." + word, null, word, locale), locale))
			.collect(Collectors.joining(", "));
	}

	/**
	 * A value in a list of rows, in the page's words: a choice (OUTBOUND, COMPANY) and
	 * yes or no as the page says them, anything else as a form shows it.
	 */
	String cell(Field field, @Nullable Object value, Locale locale) {
		if (value instanceof Boolean yes) {
			return messages.getMessage("value." + yes, null, yes.toString(), locale);
		}
		if (value != null && !field.values().isEmpty()) {
			return choice(value.toString(), locale);
		}
		return shown(field.name(), value, locale);
	}

	String choice(String value, Locale locale) {
		return messages.getMessage("choice." + value, null, humanized(value), locale);
	}

	/**
	 * The message of a refusal in the user's language, by its code; else as the service
	 * said it.
	 */
	String problem(ProblemException refused, Locale locale) {
		if (refused instanceof Problems.InUse inUse && inUse.what() != null) {
			// What the user wanted to delete, and what keeps it, in the page's words.
			return messages.getMessage("problem.IN_USE.by",
					new Object[] { named(inUse.what(), locale),
							inUse.usedBy().stream().map(use -> named(use, locale)).collect(Collectors.joining(", ")) },
					say(refused.detail(), locale), locale);
		}
		return messages.getMessage("problem." + refused.code(), refused.messageArguments(),
				say(refused.detail(), locale), locale);
	}

	/** Kunde K00010, Salgsordre SO000002. */
	String named(Problems.Use use, Locale locale) {
		return (messages.getMessage("record." + use.kind(), null, humanized(use.kind()), locale) + " " + use.no())
			.strip();
	}

	String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/**
	 * A stored value as a page shows it, in the page's language: amounts (the fields in
	 * local currency, named ...Lcy) with two decimals, other numbers as they are,
	 * {@code 1 250,50} and 24.11.2026 10:00:00 in Norwegian.
	 */
	static String shown(String field, @Nullable Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant at) {
			return LocalFormats.timestamp(at, locale);
		}
		if (value instanceof OffsetDateTime at) {
			return LocalFormats.timestamp(at.toInstant(), locale);
		}
		if (value instanceof LocalDate date) {
			return LocalFormats.date(date, locale);
		}
		if (value instanceof BigDecimal number) {
			return field.endsWith("Lcy") ? LocalFormats.amount(number, locale) : LocalFormats.number(number, locale);
		}
		return value.toString();
	}

	/** {@code postCode} as Post code, {@code BANK_ACCOUNT} as Bank account. */
	static String humanized(String name) {
		String spaced = name.contains("_") ? name.toLowerCase(Locale.ROOT).replace('_', ' ')
				: name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

}
