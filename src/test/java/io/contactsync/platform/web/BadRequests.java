package io.contactsync.platform.web;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriUtils;

/**
 * The generator of R3's bad requests, read from the OpenAPI document. Each request says
 * whether the generator means it as bad, so that a bad request the service accepts is
 * never a silent pass, or only as odd, such as a name holding a SQL fragment, which the
 * service may well store as text.
 */
final class BadRequests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Strings no field may hold: NUL, a lone surrogate half. */
	private static final List<String> INVALID_STRINGS = List.of("\u0000", "a\u0000b", "\ud800", "\udfff\ud800",
			"CT000001\u0000");

	/** Strings that are odd, but text: a field may take them as they are. */
	private static final List<String> ODD_TEXT = List.of("\u202eevil", "\ud83d\ude42".repeat(60), "e\u0301".repeat(120),
			"'; DROP TABLE contact; --", "' OR '1'='1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"${jndi:ldap://x/a}", "%s%n%x", "\r\n\t", " ", "", "NOSUCHCODE",
			"\u00c6\u00d8\u00c5 \u00e6\u00f8\u00e5".repeat(40), "\uffff", "\ufeff", "../../etc/passwd",
			"1; SELECT pg_sleep(5)", "\\", "\"");

	private static final List<String> BROKEN_JSON = List.of("{", "{\"name\":", "[1,2", "nul", "{\"name\": \"x\",}",
			"{'name': 'x'}", "{\"name\":\"x\",\"name\":\"y\"}", "\"just a string\"", "[]", "null", "", "{}}",
			"[".repeat(50_000), "{\"a\":".repeat(5_000), "\u0000", "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u0000\"}");

	private static final List<String> BAD_KEYS = List.of("x".repeat(500), "%00", "..%2F..%2Fetc", "'%20OR%201=1",
			"%3Cscript%3E", "%F0%9F%99%82", "%C3%28", "-1", "99999999999999999999999", "%20");

	/** Paging parameters with values no operation takes. */
	private static final List<String> BAD_PAGING = List.of("limit=-5", "limit=abc", "limit=1000000", "limit=0",
			"cursor=garbage", "cursor=%00", "cursor=" + "A".repeat(3000), "limit=1e3");

	/**
	 * Filters that match nothing, and parameters nobody asked for: a list may answer them
	 * with an empty page, and an operation ignores a parameter it does not take.
	 */
	private static final List<String> ODD_QUERIES = List.of("q=" + "%25".repeat(200), "q=%C3%28", "sort=nosuch",
			"contactNo=%3Cscript%3E", "noFrom=" + "Z".repeat(300), "recordType=NOSUCH", "documentType=NOSUCH");

	/**
	 * If-Match values that match no version a record has: never a list with a version a
	 * record may have ({@code "1", "2"} deletes a record at version 1, as it should).
	 */
	private static final List<String> STALE_IF_MATCH = List.of("\"abc\"", "W/\"1\"", "\"99999999999999999999\"",
			"\"-1\"", "1", "\"999998\", \"999999\"", "W/\"1\", W/\"2\"");

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");

	/** One method and path template of the OpenAPI document, with what it takes. */
	record Operation(String method, String path, List<JsonNode> parameters, @Nullable JsonNode body,
			boolean bodyRequired) {

		Set<String> queryParameters() {
			Set<String> names = new HashSet<>();
			parameters.forEach(parameter -> {
				if (parameter.path("in").asString("").equals("query")) {
					names.add(parameter.path("name").asString(""));
				}
			});
			return names;
		}

	}

	/**
	 * A generated request: what was done to it, whether it is meant as bad (the service
	 * must refuse it), and the request itself.
	 */
	record BadRequest(String kind, boolean meantBad, String method, String path, Map<String, String> headers,
			byte @Nullable [] body, boolean chunked) {

		@Override
		public String toString() {
			String shown = (body == null) ? ""
					: " " + HostileInputTest.abbreviate(new String(body, StandardCharsets.UTF_8));
			return kind + (chunked ? " (chunked)" : "") + ": " + method + " " + HostileInputTest.abbreviate(path) + " "
					+ headers + shown;
		}

	}

	private final Random random;

	private final JsonNode api;

	/** The key of a record that exists, by collection path and variable name. */
	private final BiFunction<String, String, String> existingKey;

	BadRequests(long seed, JsonNode api, BiFunction<String, String, String> existingKey) {
		this.random = new Random(seed);
		this.api = api;
		this.existingKey = existingKey;
	}

	List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
					continue;
				}
				JsonNode operation = method.getValue();
				List<JsonNode> parameters = new ArrayList<>();
				operation.path("parameters").forEach(parameters::add);
				JsonNode body = null;
				JsonNode content = operation.path("requestBody").path("content");
				if (!content.isMissingNode()) {
					Iterator<JsonNode> types = content.values().iterator();
					body = types.hasNext() ? types.next().path("schema") : NODES.objectNode();
				}
				operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, body,
						operation.path("requestBody").path("required").asBoolean(false)));
			}
		}
		return operations;
	}

	BadRequest generate(Operation operation) {
		Map<String, String> headers = new LinkedHashMap<>();
		boolean existing = random.nextBoolean();
		String path = fillPath(operation.path(), existing, false);
		String method = operation.method();
		if (method.equals("PATCH")) {
			headers.put("If-Match", existing ? "*" : "\"1\"");
		}
		if (method.equals("DELETE")) {
			// Never a precondition that would let a delete of a real record through; a
			// delete that takes none (a token's revocation) gets a key that is not there.
			boolean bareKey = random.nextBoolean();
			if (random.nextBoolean()) {
				headers.put("If-Match", pick(STALE_IF_MATCH));
			}
			return new BadRequest("bad precondition", true, method,
					fillPath(operation.path(), existing && takesIfMatch(operation), bareKey), headers, null, false);
		}
		int choice = random.nextInt(operation.body() == null ? 3 : 12);
		if (choice == 0 && operation.path().contains("{")) {
			return new BadRequest("bad key", true, method, fillPath(operation.path(), false, true), headers,
					plausibleBody(operation, headers), false);
		}
		if (choice == 2 && method.equals("PATCH")) {
			headers.put("If-Match", pick(STALE_IF_MATCH));
			return new BadRequest("bad precondition", true, method, path, headers, plausibleBody(operation, headers),
					false);
		}
		if (choice <= 2) {
			return badQuery(operation, method, path, headers);
		}
		headers.put("Content-Type",
				method.equals("PATCH") && random.nextBoolean() ? "application/merge-patch+json" : "application/json");
		JsonNode schema = resolve(operation.body());
		ObjectNode base = validLooking(schema);
		List<String> fields = new ArrayList<>();
		base.propertyNames().forEach(fields::add);
		switch (choice) {
			case 3: {
				// JSON null, or nothing, is no body: where the body is optional, that is
				// fine.
				String broken = pick(BROKEN_JSON);
				boolean noBody = broken.equals("null") || broken.isEmpty();
				// an empty list is a well-formed body where a list is asked for (the sync
				// field map's PUT)
				boolean fitting = broken.equals("[]") && "array".equals(schema.path("type").asString(""));
				return json("broken JSON", !fitting && (operation.bodyRequired() || !noBody), method, path, headers,
						broken);
			}
			case 4: {
				if (fields.isEmpty()) {
					return json("unknown field", true, method, path, headers, "{\"zz\":1}");
				}
				String field = pick(fields);
				ObjectNode body = base.deepCopy();
				body.set(field, wrongTypeFor(resolve(schema.path("properties").path(field))));
				return json("wrong type of " + field, true, method, path, headers, body.toString());
			}
			case 5:
				// An empty merge patch changes nothing, and a PUT of a settings record
				// replaces it whole, a field left out taking its default (docs/rest.md,
				// "Settings singletons"): missing fields are bad in a POST that requires
				// some.
				return json("missing fields", method.equals("POST") && !schema.path("required").isEmpty(), method, path,
						headers, "{}");
			case 6: {
				ObjectNode body = base.deepCopy();
				body.put("zz" + random.nextInt(1000), "unknown");
				return json("unknown field", true, method, path, headers, body.toString());
			}
			case 7:
			case 8:
				return oddString(schema, base, fields, method, path, headers);
			case 9: {
				// past the 1 MiB limit, within the 2 MiB Tomcat reads and drops after a
				// refusal; a bigger one is refused the same way, then the connection is
				// closed
				byte[] huge = ("{\"name\":\"" + "x".repeat(1536 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
				return new BadRequest("huge body", true, method, path, headers, huge, random.nextBoolean());
			}
			case 10: {
				headers.put("Content-Type", random.nextBoolean() ? "text/plain" : "application/xml");
				return json("wrong content type", true, method, path, headers, base.toString());
			}
			default: {
				byte[] invalidUtf8 = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
						'}' };
				return new BadRequest("invalid UTF-8", true, method, path, headers, invalidUtf8, false);
			}
		}
	}

	/**
	 * A paging parameter out of range is bad where the operation pages; a parameter it
	 * does not take, or a filter that matches nothing, is only odd.
	 */
	private BadRequest badQuery(Operation operation, String method, String path, Map<String, String> headers) {
		boolean paging = random.nextBoolean();
		String query = paging ? pick(BAD_PAGING) : pick(ODD_QUERIES);
		String name = query.substring(0, query.indexOf('='));
		boolean bad = paging && operation.queryParameters().contains(name);
		return new BadRequest(bad ? "bad query" : "odd query", bad, method, path + "?" + query, headers,
				plausibleBody(operation, headers), false);
	}

	/**
	 * An invalid string (NUL, a lone surrogate, longer than the field's maxLength) is
	 * bad; odd text is not.
	 */
	private BadRequest oddString(JsonNode schema, ObjectNode base, List<String> fields, String method, String path,
			Map<String, String> headers) {
		ObjectNode body = base.deepCopy();
		String field = fields.isEmpty() ? "name" : pick(fields);
		JsonNode property = resolve(schema.path("properties").path(field));
		boolean tooLong = random.nextInt(4) == 0;
		String value = tooLong ? "x".repeat(10_000) : random.nextBoolean() ? pick(INVALID_STRINGS) : pick(ODD_TEXT);
		body.put(field, value);
		boolean isText = property.path("type").asString("string").equals("string") && !property.has("enum");
		boolean bad = !isText || INVALID_STRINGS.contains(value)
				|| (tooLong && property.path("maxLength").asInt(Integer.MAX_VALUE) < value.length());
		return json((bad ? "bad string in " : "odd string in ") + field, bad, method, path, headers, body.toString());
	}

	private boolean takesIfMatch(Operation operation) {
		return operation.parameters()
			.stream()
			.anyMatch(parameter -> parameter.path("name").asString("").equals("If-Match"));
	}

	/** A value of another JSON type than the field's. */
	private JsonNode wrongTypeFor(JsonNode property) {
		String type = property.path("type").asString("string");
		List<JsonNode> wrong = new ArrayList<>(List.of(NODES.arrayNode(), NODES.objectNode()));
		switch (type) {
			case "integer", "number" -> wrong.addAll(List.of(NODES.stringNode("not-a-number"), NODES.booleanNode(true),
					NODES.numberNode(new BigInteger("99999999999999999999999")), NODES.numberNode(1.5e308)));
			case "boolean" -> wrong.addAll(List.of(NODES.stringNode("not-a-boolean"), NODES.numberNode(123)));
			case "array" -> wrong.set(0, NODES.stringNode("not-a-list"));
			case "object" -> wrong.set(1, NODES.stringNode("not-an-object"));
			default -> wrong.addAll(List.of(NODES.numberNode(123), NODES.booleanNode(true)));
		}
		return pick(wrong);
	}

	/**
	 * A body that is not itself the bad part of the request, if the operation takes one.
	 */
	private byte @Nullable [] plausibleBody(Operation operation, Map<String, String> headers) {
		if (operation.body() == null) {
			return null;
		}
		headers.put("Content-Type", "application/json");
		return validLooking(resolve(operation.body())).toString().getBytes(StandardCharsets.UTF_8);
	}

	private static BadRequest json(String kind, boolean meantBad, String method, String path,
			Map<String, String> headers, String body) {
		return new BadRequest(kind, meantBad, method, path, headers,
				escapeSurrogates(body).getBytes(StandardCharsets.UTF_8), false);
	}

	/**
	 * Surrogates written as JSON escapes: a lone half, written raw, would reach the
	 * service as '?', an ordinary character, and the service would never see what was
	 * meant.
	 */
	private static String escapeSurrogates(String json) {
		StringBuilder escaped = new StringBuilder(json.length());
		json.chars()
			.forEach(c -> escaped.append(Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : (char) c));
		return escaped.toString();
	}

	/**
	 * The path with its variables filled: the first with the key of a record that exists
	 * (so a bad body meets a real record) or with one that does not, or with a bad key.
	 */
	private String fillPath(String template, boolean existing, boolean bad) {
		Matcher variable = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		boolean first = true;
		while (variable.find()) {
			String value;
			if (bad) {
				value = pick(BAD_KEYS);
			}
			else if (first && existing) {
				// A real key may hold any character its field allows (another test's code
				// '"', say): sent as the path segment a client would send.
				value = UriUtils.encodePathSegment(
						existingKey.apply(template.substring(0, variable.start() - 1), variable.group(1)),
						StandardCharsets.UTF_8);
			}
			else {
				value = List.of("id", "lineNo", "entryNo").contains(variable.group(1)) ? "987654321" : "ZZNOSUCH";
			}
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
			first = false;
		}
		variable.appendTail(path);
		return path.toString();
	}

	/** An object with a plausible value for each field the schema names. */
	private ObjectNode validLooking(JsonNode resolved) {
		ObjectNode body = NODES.objectNode();
		if (resolved.path("properties").has("nodeType")) {
			// a body taken as any JSON (a merge patch): the schema is of the parser's
			// node
			return body.put("name", "Hostile");
		}
		for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
			JsonNode type = resolve(property.getValue());
			if (type.path("readOnly").asBoolean(false)) {
				continue;
			}
			body.set(property.getKey(), switch (type.path("type").asString("string")) {
				case "integer", "number" -> NODES.numberNode(1);
				case "boolean" -> NODES.booleanNode(true);
				case "array" -> NODES.arrayNode();
				case "object" -> NODES.objectNode();
				default -> type.has("enum") ? type.get("enum").get(0) : NODES.stringNode("Hostile");
			});
		}
		return body;
	}

	private JsonNode resolve(@Nullable JsonNode schema) {
		if (schema == null || schema.isMissingNode()) {
			return NODES.objectNode();
		}
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
