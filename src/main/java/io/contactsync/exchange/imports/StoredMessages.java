package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.List;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages kept by their codes, not their words: a row's errors and the undo's reasons
 * are read later, by whoever asks, in their language.
 */
final class StoredMessages {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private StoredMessages() {
	}

	static ArrayNode write(List<FieldError> errors) {
		ArrayNode array = JSON.arrayNode();
		for (FieldError error : errors) {
			ObjectNode node = array.addObject();
			node.put("field", error.field());
			node.set("message", write(error.message()));
		}
		return array;
	}

	static ObjectNode write(Message message) {
		ObjectNode node = JSON.objectNode();
		node.put("code", message.code());
		ArrayNode arguments = node.putArray("arguments");
		for (Object argument : message.arguments()) {
			if (argument instanceof Message nested) {
				arguments.add(write(nested));
			}
			else {
				arguments.add(String.valueOf(argument));
			}
		}
		return node;
	}

	static List<FieldError> errors(JsonNode array) {
		List<FieldError> errors = new ArrayList<>();
		for (JsonNode node : array) {
			errors.add(new FieldError(node.get("field").asString(), message(node.get("message"))));
		}
		return errors;
	}

	static Message message(JsonNode node) {
		List<Object> arguments = new ArrayList<>();
		for (JsonNode argument : node.get("arguments")) {
			arguments.add(argument.isObject() ? message(argument) : argument.asString());
		}
		return new Message(node.get("code").asString(), arguments, null);
	}

}
