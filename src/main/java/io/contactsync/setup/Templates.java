package io.contactsync.setup;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customer and vendor templates as a new record uses them: named in its request by
 * {@code templateCode}, filling only what the record leaves empty.
 */
public final class Templates {

	private Templates() {
	}

	/** A request body and the template it names, taken out of it. */
	public record Request(JsonNode body, Optional<String> templateCode) {
	}

	/** Takes {@code templateCode} out of a request body, upper-cased. */
	public static Request of(JsonNode body) {
		if (!body.isObject() || !body.has("templateCode")) {
			return new Request(body, Optional.empty());
		}
		ObjectNode copy = ((ObjectNode) body).deepCopy();
		JsonNode code = copy.remove("templateCode");
		if (code.isNull()) {
			return new Request(copy, Optional.empty());
		}
		if (!code.isString()) {
			throw new Problems.MalformedRequest("templateCode", "invalid.string");
		}
		return new Request(copy, Optional.of(code.asString().toUpperCase(Locale.ROOT)));
	}

	/**
	 * A template fills only what is still empty: codes, posting groups, payment terms,
	 * and the like; prices including VAT when the record leaves it out.
	 */
	public static void fillBlanks(Table table, Map<String, @Nullable Object> values, Row template) {
		template.values().forEach((field, value) -> {
			if (Set.of("code", "description").contains(field) || value == null) {
				return;
			}
			if (table.field(field).isEmpty()) {
				return;
			}
			Object current = values.get(field);
			if (current == null || (current instanceof String text && text.isEmpty())
					|| (field.equals("pricesIncludingVat") && !values.containsKey(field))) {
				values.put(field, value);
			}
		});
	}

	/** Unknown template: UNKNOWN_CODE on {@code templateCode}. */
	public static Problems.UnknownCode unknown(String code) {
		return new Problems.UnknownCode("templateCode", "invalid.unknownCode", Message.of("detail.template"), code);
	}

}
