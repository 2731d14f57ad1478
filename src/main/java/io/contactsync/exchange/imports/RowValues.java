package io.contactsync.exchange.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Table;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a row says, field by field, as the API's JSON would say it (docs/import.md,
 * "Values"): numbers as either language writes them ({@code 1 250,50} and
 * {@code 1250.50}), yes and no in either language, choices by their codes. A cell that
 * cannot be read is an error of its field; the rules of the record are the service's, not
 * checked here.
 *
 * @param given the fields whose cells hold something, by field
 * @param blank the mapped fields whose cells are blank
 */
record RowValues(Map<String, JsonNode> given, Set<String> blank) {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	/** The values of the mapped cells of a row; cells that cannot be read: 422. */
	static RowValues read(Table table, Map<Integer, String> mapping, List<String> cells) {
		Map<String, JsonNode> given = new LinkedHashMap<>();
		Set<String> blank = new LinkedHashSet<>();
		List<FieldError> errors = new ArrayList<>();
		mapping.forEach((column, field) -> {
			String cell = column < cells.size() ? cells.get(column).strip() : "";
			if (cell.isEmpty()) {
				blank.add(field);
				return;
			}
			Optional<Field> described = table.field(field);
			if (described.isEmpty()) {
				given.put(field, JSON.stringNode(cell));
				return;
			}
			try {
				given.put(field, value(described.get(), cell));
			}
			catch (Unreadable ex) {
				errors.add(ex.error);
			}
		});
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		return new RowValues(given, blank);
	}

	private static JsonNode value(Field field, String cell) {
		return switch (field.inputType()) {
			case "number" -> number(field, cell);
			case "checkbox" -> JSON.booleanNode(bool(field, cell));
			case "select" -> JSON.stringNode(choice(field, cell));
			default -> JSON.stringNode(cell);
		};
	}

	private static JsonNode number(Field field, String cell) {
		BigDecimal number;
		try {
			number = LocalFormats.parse(cell);
		}
		catch (NumberFormatException ex) {
			throw new Unreadable(
					new FieldError(field.name(), field.isInteger() ? "invalid.wholeNumber" : "invalid.number"));
		}
		if (field.isInteger()) {
			try {
				return JSON.numberNode(number.longValueExact());
			}
			catch (ArithmeticException ex) {
				throw new Unreadable(new FieldError(field.name(), "invalid.wholeNumber"));
			}
		}
		return JSON.numberNode(number);
	}

	private static boolean bool(Field field, String cell) {
		return switch (cell.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "ja", "j", "1", "x" -> true;
			case "false", "no", "n", "nei", "0" -> false;
			default -> throw new Unreadable(new FieldError(field.name(), "invalid.boolean"));
		};
	}

	private static String choice(Field field, String cell) {
		String code = cell.toUpperCase(Locale.ROOT).replace(' ', '_');
		if (!field.values().contains(code)) {
			throw new Unreadable(new FieldError(field.name(), "invalid.oneOf", String.join(", ", field.values())));
		}
		return code;
	}

	private static final class Unreadable extends RuntimeException {

		private final FieldError error;

		Unreadable(FieldError error) {
			super(null, null, false, false);
			this.error = error;
		}

	}

}
