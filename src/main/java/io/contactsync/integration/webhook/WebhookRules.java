package io.contactsync.integration.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.contactsync.platform.Message;
import io.contactsync.integration.ChangeFeed;
import io.contactsync.integration.FeedFilter;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.platform.TextRules;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * What a webhook endpoint must be: a receiver's URL that may be reached
 * ({@link ReceiverAddresses}), event and record types that exist, so a typing error does
 * not silently subscribe to nothing, and short texts. Also reads a JSON merge patch of an
 * endpoint.
 */
@Component
class WebhookRules {

	/**
	 * As a system names itself in {@code X-Source-System}: compared without case, so kept
	 * in lower case.
	 */
	private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

	private static final Set<String> READ_ONLY = Set.of("id", "secret", "cursor", "version", "createdAt", "disabledAt",
			"disabledReason", "failedAttempts", "nextAttemptAt");

	private final ReceiverAddresses addresses;

	private final ChangeFeed feed;

	WebhookRules(ReceiverAddresses addresses, ChangeFeed feed) {
		this.addresses = addresses;
		this.feed = feed;
	}

	/**
	 * An endpoint as it is kept: the URL without surrounding blanks, the system's name in
	 * lower case.
	 */
	static WebhookRequest normalized(WebhookRequest request) {
		String url = request.url() == null ? null : request.url().strip();
		String system = request.excludeSourceSystem() == null ? null
				: request.excludeSourceSystem().strip().toLowerCase(Locale.ROOT);
		return new WebhookRequest(url, request.eventTypes(), request.recordTypes(), system, request.description(),
				request.enabled());
	}

	/**
	 * Checks every field of an endpoint as it is to be saved.
	 * @throws Problems.ValidationFailed naming each field that is wrong
	 */
	void check(WebhookRequest request) {
		List<FieldError> errors = new ArrayList<>();
		try {
			addresses.check(request.url());
		}
		catch (ReceiverAddresses.Refused refused) {
			errors.add(new FieldError("url", refused.reason()));
		}
		known("eventTypes", request.eventTypes(), feed.eventTypes(), errors);
		known("recordTypes", request.recordTypes(), FeedFilter.RECORD_TYPES, errors);
		String system = request.excludeSourceSystem();
		if (system != null && !SYSTEM.matcher(system).matches()) {
			errors.add(new FieldError("excludeSourceSystem", "invalid.sourceSystem"));
		}
		if (request.description() != null) {
			FieldError description = TextRules.check("description", request.description(), 200);
			if (description != null) {
				errors.add(description);
			}
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
	}

	private static void known(String field, @Nullable List<String> given, Set<String> known, List<FieldError> errors) {
		if (given == null) {
			return;
		}
		Set<String> unknown = new TreeSet<>();
		for (String name : given) {
			if (name == null || !known.contains(name)) {
				unknown.add(String.valueOf(name));
			}
		}
		if (!unknown.isEmpty()) {
			errors.add(new FieldError(field, "invalid.webhookNames", String.join(", ", unknown),
					String.join(", ", new TreeSet<>(known))));
		}
	}

	/**
	 * An endpoint with a JSON merge patch applied: the fields present change, and null
	 * clears a field (for the type lists: all types).
	 */
	static WebhookRequest patched(Webhook current, JsonNode patch) {
		if (!patch.isObject()) {
			throw new Problems.MalformedRequest("body", "invalid.object");
		}
		List<FieldError> malformed = new ArrayList<>();
		String url = current.url();
		List<String> eventTypes = current.eventTypes();
		List<String> recordTypes = current.recordTypes();
		String exclude = current.excludeSourceSystem();
		String description = current.description();
		boolean enabled = current.enabled();
		for (Map.Entry<String, JsonNode> property : patch.properties()) {
			String name = property.getKey();
			JsonNode value = property.getValue();
			switch (name) {
				case "url" -> url = text(name, value, malformed);
				case "eventTypes" -> eventTypes = names(name, value, malformed);
				case "recordTypes" -> recordTypes = names(name, value, malformed);
				case "excludeSourceSystem" -> exclude = text(name, value, malformed);
				case "description" -> description = text(name, value, malformed);
				case "enabled" -> {
					if (value.isBoolean()) {
						enabled = value.booleanValue();
					}
					else {
						malformed.add(new FieldError(name, "invalid.boolean"));
					}
				}
				default -> malformed.add(READ_ONLY.contains(name) ? new FieldError(name, "invalid.readOnly")
						: new FieldError(name, "invalid.notAField", Problems.kindName("WEBHOOK")));
			}
		}
		if (!malformed.isEmpty()) {
			throw new Problems.MalformedRequest(Message.of("detail.bodyDoesNotFit", Problems.kindName("WEBHOOK")),
					malformed);
		}
		return new WebhookRequest(url, eventTypes, recordTypes, exclude, description, enabled);
	}

	private static @Nullable String text(String field, JsonNode value, List<FieldError> malformed) {
		if (value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			malformed.add(new FieldError(field, "invalid.string"));
			return null;
		}
		return value.asString();
	}

	private static List<String> names(String field, JsonNode value, List<FieldError> malformed) {
		List<String> names = new ArrayList<>();
		if (value.isNull()) {
			return names;
		}
		if (!value.isArray()) {
			malformed.add(new FieldError(field, "invalid.names"));
			return names;
		}
		for (JsonNode name : value) {
			if (!name.isString()) {
				malformed.add(new FieldError(field, "invalid.names"));
				return names;
			}
			names.add(name.asString());
		}
		return names;
	}

}
