package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a table's rows, the one reader and writer every table resource uses:
 * requests are read strictly against the fields (unknown, read-only and mistyped fields
 * are a malformed request, reported whole), and answers show every field and the version.
 */
public final class TableJson {

	private TableJson() {
	}

	/**
	 * What a request body is read for: read-only fields are refused in all, keys in a
	 * patch.
	 */
	public enum Mode {

		CREATE, PATCH, REPLACE

	}

	/**
	 * Reads a request body into typed values. Anything that is not JSON of the right
	 * shape (unknown or read-only fields, wrong types) is a malformed request, reported
	 * whole.
	 */
	public static Map<String, @Nullable Object> read(Table table, JsonNode body, Mode mode) {
		if (!body.isObject()) {
			throw new Problems.MalformedRequest("body", "invalid.object");
		}
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		List<FieldError> errors = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : body.properties()) {
			String name = property.getKey();
			Optional<Field> field = table.field(name);
			if (name.equals("version")) {
				errors.add(new FieldError(name, "invalid.version.readOnly"));
			}
			else if (field.isEmpty()) {
				errors.add(new FieldError(name, "invalid.notAField", table.named()));
			}
			else if (mode == Mode.PATCH && table.isKey(name)) {
				errors.add(new FieldError(name, "invalid.key.readOnly"));
			}
			else if (field.get().isReadOnly()) {
				errors.add(new FieldError(name, "invalid.readOnly"));
			}
			else {
				try {
					values.put(name, FieldJson.read(field.get(), property.getValue()));
				}
				catch (FieldJson.WrongType ex) {
					errors.add(ex.error());
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new Problems.MalformedRequest(Message.of("detail.bodyDoesNotFit", table.named()), errors);
		}
		return values;
	}

	/** The API form of a row: every field, then {@code version}. */
	public static ObjectNode write(Table table, Row row) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		for (Field field : table.allFields()) {
			json.set(field.name(), FieldJson.write(field, row.get(field.name())));
		}
		json.put("version", row.version());
		return json;
	}

	/**
	 * The version a singleton's PUT body says it was read at, checked as {@code If-Match}
	 * is; any version when it says none.
	 */
	static ExpectedVersion versionIn(JsonNode body) {
		JsonNode version = body.get("version");
		if (version == null || version.isNull()) {
			return ExpectedVersion.any();
		}
		if (!version.isIntegralNumber() || !version.canConvertToLong()) {
			throw new Problems.MalformedRequest("version", "invalid.version");
		}
		return ExpectedVersion.of(version.asLong());
	}

	/**
	 * A singleton's PUT body without what its GET answered and the client cannot change:
	 * the version, and read-only fields equal to the stored ones.
	 */
	static JsonNode withoutEchoes(Table table, Row current, JsonNode body) {
		if (!(body instanceof ObjectNode object)) {
			return body;
		}
		ObjectNode copy = object.deepCopy();
		copy.remove("version");
		ObjectNode stored = write(table, current);
		table.allFields()
			.stream()
			.filter(Field::isReadOnly)
			.filter(field -> copy.has(field.name()) && copy.get(field.name()).equals(stored.get(field.name())))
			.forEach(field -> copy.remove(field.name()));
		return copy;
	}

}
