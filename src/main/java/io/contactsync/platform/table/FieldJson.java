package io.contactsync.platform.table;

import java.math.BigDecimal;
import java.util.Locale;

import io.contactsync.platform.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A {@link Field}'s value in JSON, both ways: what a request sends, read and typed (a
 * value of the wrong JSON type is a malformed request, told apart from a value that
 * breaks a rule), and what an answer shows.
 */
final class FieldJson {

	private FieldJson() {
	}

	/**
	 * Reads the JSON value of a field. A value of the wrong JSON type is a malformed
	 * request (400); a value of the right type that breaks a rule is reported by
	 * {@link Field#check}.
	 * @return the value, or {@code null} for JSON null
	 * @throws WrongType when the JSON type does not fit
	 */
	static @Nullable Object read(Field field, JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		return switch (field.kind()) {
			case TEXT, ENUM, INSTANT -> {
				if (!node.isString()) {
					throw new WrongType(field.name(), "invalid.string");
				}
				yield node.asString();
			}
			case CODE -> {
				if (!node.isString()) {
					throw new WrongType(field.name(), "invalid.string");
				}
				// As the ERP keeps a code: upper case, without the spaces around it.
				// " " is no code at all, and "dk " is the same code as "DK".
				String code = node.asString().strip();
				yield code.isEmpty() ? null : code.toUpperCase(Locale.ROOT);
			}
			case BOOLEAN -> {
				if (!node.isBoolean()) {
					throw new WrongType(field.name(), "invalid.boolean");
				}
				yield node.booleanValue();
			}
			case INTEGER -> {
				if (!node.isIntegralNumber() || !node.canConvertToLong()) {
					throw new WrongType(field.name(), "invalid.wholeNumber");
				}
				yield node.longValue();
			}
			case DECIMAL -> {
				if (!node.isNumber()) {
					throw new WrongType(field.name(), "invalid.number");
				}
				yield Field.plain(node.decimalValue());
			}
		};
	}

	/** The JSON form of a stored value. */
	static JsonNode write(Field field, @Nullable Object value) {
		JsonNodeFactory json = JsonNodeFactory.instance;
		if (value == null) {
			return json.nullNode();
		}
		return switch (field.kind()) {
			case TEXT, CODE, ENUM -> json.stringNode((String) value);
			case INSTANT -> json.stringNode(value.toString());
			case BOOLEAN -> json.booleanNode((Boolean) value);
			case INTEGER -> json.numberNode(((Number) value).longValue());
			case DECIMAL -> json.numberNode((BigDecimal) value);
		};
	}

	/** A JSON value of the wrong type for its field. */
	static final class WrongType extends RuntimeException {

		private final FieldError error;

		WrongType(String field, String code) {
			super(code, null, false, false);
			this.error = new FieldError(field, code);
		}

		FieldError error() {
			return error;
		}

	}

}
