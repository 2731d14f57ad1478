package io.contactsync.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why a job left a record out, kept by message code (as JSON beside the English text) so
 * that the page says it in the reader's language: the job runs with no reader, and a text
 * written then would stay English in the Norwegian UI.
 */
final class JobErrorMessages {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JobErrorMessages() {
	}

	/** The refusal's reason and each field's, or that something unexpected happened. */
	static String write(RuntimeException ex) {
		List<Message> said = new ArrayList<>();
		if (ex instanceof ProblemException refused) {
			said.add(refused.detail());
			for (FieldError error : refused.errors()) {
				said.add(Message.of("job.error.field", Message.orElse("field." + error.field(), error.field()),
						error.message()));
			}
		}
		else {
			// the technical text is in the log and the API's English message
			said.add(Message.of("job.error.unexpected"));
		}
		return write(said);
	}

	static String write(List<Message> said) {
		return JSON.writeValueAsString(said.stream().map(JobErrorMessages::tree).toList());
	}

	static List<Message> read(@Nullable String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		List<Message> said = new ArrayList<>();
		JSON.readTree(json).forEach(node -> said.add(message(node)));
		return said;
	}

	private static Map<String, Object> tree(Message message) {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("code", message.code());
		tree.put("arguments",
				message.arguments()
					.stream()
					.map(argument -> argument instanceof Message inner ? tree(inner) : String.valueOf(argument))
					.toList());
		if (message.fallback() != null) {
			tree.put("fallback", message.fallback());
		}
		return tree;
	}

	private static Message message(JsonNode node) {
		List<Object> arguments = new ArrayList<>();
		node.get("arguments")
			.forEach(argument -> arguments.add(argument.isObject() ? message(argument) : argument.asString()));
		JsonNode fallback = node.get("fallback");
		return new Message(node.get("code").asString(), arguments, fallback == null ? null : fallback.asString());
	}

}
