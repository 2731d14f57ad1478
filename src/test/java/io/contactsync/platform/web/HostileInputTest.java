package io.contactsync.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/targets.md R3: a seeded generator of bad requests, driven by the application's own
 * OpenAPI document, sends them round-robin over every operation: broken JSON, wrong
 * types, missing and unknown fields, overlong and odd Unicode strings, huge and deeply
 * nested bodies, unknown codes, SQL and HTML fragments, bad keys, paging parameters and
 * preconditions. No answer may be a 5xx; every error is problem+json with a {@code code};
 * and after every refused request every table holds what it held before.
 * <p>
 * It runs in a context and database of its own (the demo company), so that what the
 * generator gets accepted (a name may well be a SQL fragment) touches no other test's
 * data. {@code -Dhostile.requests=} sets how many (10,000 unless said),
 * {@code -Dhostile.seed=} replays a run.
 */
@Tag("quality")
@TestPropertySource(properties = { "contactsync.demo=true", "spring.application.name=contactsync-hostile-input" })
@DirtiesContext
class HostileInputTest extends ApiTest {

	private static final int REQUESTS = Integer.getInteger("hostile.requests", 10_000);

	private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Tables the framework writes on its own time, not as an answer to a request. */
	private static final List<String> NOT_FINGERPRINTED = List.of("flyway_schema_history");

	/**
	 * A row as fingerprinted, where not whole: when a token was last used is bookkeeping
	 * of the sign-in, written for refused requests too, not data the request changed.
	 */
	private static final Map<String, String> ROW_TEXT = Map.of("api_token",
			"(r.id, r.username, r.token_hash, r.name, r.expires_at, r.revoked_at)::text");

	private static final List<String> ODD_STRINGS = List.of("x".repeat(10_000), "\u0000", "a\u0000b", "\ud800",
			"\udfff\ud800", "\u202eevil", "\ud83d\ude42".repeat(60), "e\u0301".repeat(120), "'; DROP TABLE contact; --",
			"' OR '1'='1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "%s%n%x",
			"\r\n\t", " ", "", "NOSUCHCODE", "\u00c6\u00d8\u00c5 \u00e6\u00f8\u00e5".repeat(40), "\uffff", "\ufeff",
			"../../etc/passwd", "1; SELECT pg_sleep(5)", "\\", "\"", "CT000001\u0000");

	private static final List<JsonNode> WRONG_TYPES = List.of(NODES.numberNode(123), NODES.numberNode(-1),
			NODES.numberNode(1.5e308), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(), NODES.nullNode(),
			NODES.stringNode("not-a-number"), NODES.stringNode("2026-13-45"),
			NODES.numberNode(new BigInteger("99999999999999999999999")));

	private static final List<String> BROKEN_JSON = List.of("{", "{\"name\":", "[1,2", "nul", "{\"name\": \"x\",}",
			"{'name': 'x'}", "{\"name\":\"x\",\"name\":\"y\"}", "\"just a string\"", "[]", "null", "", "{}}",
			"[".repeat(50_000), "{\"a\":".repeat(5_000), "\u0000", "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u0000\"}");

	private static final List<String> BAD_KEYS = List.of("x".repeat(500), "%00", "..%2F..%2Fetc", "'%20OR%201=1",
			"%3Cscript%3E", "%F0%9F%99%82", "%C3%28", "-1", "99999999999999999999999", "%20");

	private static final List<String> BAD_QUERIES = List.of("limit=-5", "limit=abc", "limit=1000000", "limit=0",
			"cursor=garbage", "cursor=%00", "cursor=" + "A".repeat(3000), "q=" + "%25".repeat(200), "q=%C3%28",
			"sort=nosuch", "limit=1e3", "contactNo=%3Cscript%3E", "noFrom=" + "Z".repeat(300), "recordType=NOSUCH",
			"documentType=NOSUCH");

	private static final List<String> BAD_IF_MATCH = List.of("\"abc\"", "W/\"1\"", "", "\"99999999999999999999\"",
			"\"-1\"", "1", "\"1\", \"2\"");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	JdbcClient jdbc;

	private final Random random = new Random(SEED);

	@Test
	void badRequestsOverEveryEndpointAreRefusedCleanlyAndChangeNothing() throws Exception {
		System.out.printf("HostileInputTest: seed %d (replay with -Dhostile.seed=%d)%n", SEED, SEED);
		String token = admin().post("/api/v1/users/admin/tokens", null).json().get("token").asString();
		assertThat(admin()
			.post("/api/v1/users",
					Map.of("username", "hostile-victim", "password", "victim-password-1", "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);
		JsonNode api = admin().get("/v3/api-docs").json();
		List<Operation> operations = operations(api);
		assertThat(operations).hasSizeGreaterThan(100);

		Map<String, Integer> byStatus = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		Map<String, String> before = fingerprint();
		int refused = 0;
		long started = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			Operation operation = operations.get(i % operations.size());
			BadRequest request = generate(operation, api);
			HttpResponse<String> answer = send(request, token);
			int status = answer.statusCode();
			byStatus.merge(String.valueOf(status), 1, Integer::sum);
			String what = request + " -> " + status + " " + abbreviate(answer.body());
			if (status >= 500) {
				wrong.add("5xx: " + what);
				continue;
			}
			if (status >= 300) {
				refused++;
				String code = problemCode(answer);
				if (code == null) {
					wrong.add("not problem+json with a code: " + what);
				}
				Map<String, String> after = fingerprint();
				if (!after.equals(before)) {
					wrong.add("refused but changed " + changedTables(before, after) + ": " + what);
					before = after;
				}
			}
			else if (!request.method().equals("GET")) {
				awaitJobsFinished();
				before = fingerprint();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf(
				"HostileInputTest: %d requests over %d operations in %.1f s, %d refused, by status %s, %d wrong%n",
				REQUESTS, operations.size(), seconds, refused, byStatus, wrong.size());
		assertThat(wrong).isEmpty();
		assertThat(refused).as("most generated requests are bad").isGreaterThan(REQUESTS / 2);
	}

	/** One method and path template of the OpenAPI document, with what it takes. */
	record Operation(String method, String path, List<JsonNode> parameters, @Nullable JsonNode body) {
	}

	/** A generated request: what was done to it, and the request itself. */
	record BadRequest(String kind, String method, String path, Map<String, String> headers, byte @Nullable [] body,
			boolean chunked) {

		@Override
		public String toString() {
			String shown = (body == null) ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8));
			return kind + (chunked ? " (chunked)" : "") + ": " + method + " " + abbreviate(path) + " " + headers
					+ shown;
		}

	}

	private static List<Operation> operations(JsonNode api) {
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
				operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, body));
			}
		}
		return operations;
	}

	private BadRequest generate(Operation operation, JsonNode api) {
		Map<String, String> headers = new LinkedHashMap<>();
		boolean existing = random.nextBoolean();
		String path = fillPath(operation.path(), existing, false);
		String method = operation.method();
		if (method.equals("PATCH")) {
			headers.put("If-Match", existing ? "*" : "\"1\"");
		}
		if (method.equals("DELETE")) {
			// never a precondition that would let a delete of a real record through
			if (random.nextBoolean()) {
				headers.put("If-Match", pick(BAD_IF_MATCH));
			}
			return new BadRequest("bad precondition", method,
					fillPath(operation.path(), existing, random.nextBoolean()), headers, null, false);
		}
		int choice = random.nextInt(operation.body() == null ? 3 : 12);
		if (choice == 0 && operation.path().contains("{")) {
			return new BadRequest("bad key", method, fillPath(operation.path(), false, true), headers,
					plausibleBody(operation, api, headers), false);
		}
		if (choice == 2 && method.equals("PATCH")) {
			headers.put("If-Match", pick(BAD_IF_MATCH));
			return new BadRequest("bad precondition", method, path, headers, plausibleBody(operation, api, headers),
					false);
		}
		if (choice <= 2) {
			return new BadRequest("bad query", method, path + "?" + pick(BAD_QUERIES), headers,
					plausibleBody(operation, api, headers), false);
		}
		headers.put("Content-Type",
				method.equals("PATCH") && random.nextBoolean() ? "application/merge-patch+json" : "application/json");
		ObjectNode base = validLooking(operation.body(), api);
		List<String> fields = new ArrayList<>();
		base.propertyNames().forEach(fields::add);
		switch (choice) {
			case 3:
				return json("broken JSON", method, path, headers, pick(BROKEN_JSON));
			case 4: {
				ObjectNode body = base.deepCopy();
				body.set(fields.isEmpty() ? "name" : pick(fields), pick(WRONG_TYPES));
				return json("wrong type", method, path, headers, body.toString());
			}
			case 5:
				return json("missing fields", method, path, headers, "{}");
			case 6: {
				ObjectNode body = base.deepCopy();
				body.put("zz" + random.nextInt(1000), "unknown");
				return json("unknown field", method, path, headers, body.toString());
			}
			case 7:
			case 8: {
				ObjectNode body = base.deepCopy();
				String field = fields.isEmpty() ? "name" : pick(fields);
				body.put(field, pick(ODD_STRINGS));
				return json("odd string in " + field, method, path, headers, body.toString());
			}
			case 9: {
				// past the 1 MiB limit, within the 2 MiB Tomcat reads and drops after a
				// refusal;
				// a bigger one is refused the same way, then the connection is closed
				byte[] huge = ("{\"name\":\"" + "x".repeat(1536 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
				return new BadRequest("huge body", method, path, headers, huge, random.nextBoolean());
			}
			case 10: {
				headers.put("Content-Type", random.nextBoolean() ? "text/plain" : "application/xml");
				return json("wrong content type", method, path, headers, base.toString());
			}
			default: {
				byte[] invalidUtf8 = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
						'}' };
				return new BadRequest("invalid UTF-8", method, path, headers, invalidUtf8, false);
			}
		}
	}

	/**
	 * A body that is not itself the bad part of the request, if the operation takes one.
	 */
	private static byte @Nullable [] plausibleBody(Operation operation, JsonNode api, Map<String, String> headers) {
		if (operation.body() == null) {
			return null;
		}
		headers.put("Content-Type", "application/json");
		return validLooking(operation.body(), api).toString().getBytes(StandardCharsets.UTF_8);
	}

	private static BadRequest json(String kind, String method, String path, Map<String, String> headers, String body) {
		return new BadRequest(kind, method, path, headers, body.getBytes(StandardCharsets.UTF_8), false);
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)}");

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
				value = existingKey(template.substring(0, variable.start() - 1), variable.group(1));
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

	private final Map<String, String> keys = new LinkedHashMap<>();

	private String existingKey(String collection, String name) {
		if (name.equals("username")) {
			return "hostile-victim";
		}
		return keys.computeIfAbsent(collection + " " + name, ignored -> {
			Api.Response list = admin().get(collection + "?limit=1");
			JsonNode first = (list.status() == 200) ? list.json().path("items").path(0).path(name) : null;
			return (first == null || first.isMissingNode()) ? "ZZNOSUCH" : first.asString();
		});
	}

	/** An object with a plausible value for each field the schema names. */
	private static ObjectNode validLooking(@Nullable JsonNode schema, JsonNode api) {
		ObjectNode body = NODES.objectNode();
		JsonNode resolved = resolve(schema, api);
		if (resolved.path("properties").has("nodeType")) {
			// a body taken as any JSON (a merge patch): the schema is of the parser's
			// node
			return body.put("name", "Hostile");
		}
		for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
			JsonNode type = resolve(property.getValue(), api);
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

	private static JsonNode resolve(@Nullable JsonNode schema, JsonNode api) {
		if (schema == null) {
			return NODES.objectNode();
		}
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return api.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private HttpResponse<String> send(BadRequest request, String token) throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token);
		request.headers().forEach(builder::header);
		if (request.body() == null) {
			builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
		}
		else if (request.chunked()) {
			byte[] bytes = request.body();
			builder.method(request.method(),
					HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
		}
		else {
			builder.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
		}
		try {
			return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException broken) {
			throw new AssertionError("no answer to " + request, broken);
		}
		catch (IllegalArgumentException unsendable) {
			// a path the HTTP client itself will not send is not a request the service
			// sees
			throw new AssertionError("the generator made an unsendable request: " + request, unsendable);
		}
	}

	private static @Nullable String problemCode(HttpResponse<String> answer) {
		if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
			return null;
		}
		try {
			String code = Api.JSON.readTree(answer.body()).path("code").asString("");
			return code.isEmpty() ? null : code;
		}
		catch (RuntimeException notJson) {
			return null;
		}
	}

	/** Each table's row count and a hash of all its rows. */
	private Map<String, String> fingerprint() {
		List<String> tables = jdbc
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
					+ " AND table_type = 'BASE TABLE' ORDER BY table_name")
			.query(String.class)
			.list();
		StringBuilder sql = new StringBuilder();
		for (String table : tables) {
			if (NOT_FINGERPRINTED.contains(table)) {
				continue;
			}
			if (!sql.isEmpty()) {
				sql.append(" UNION ALL ");
			}
			sql.append("SELECT '")
				.append(table)
				.append("' AS t, count(*) || ':' || coalesce(sum(hashtext(")
				.append(ROW_TEXT.getOrDefault(table, "r::text"))
				.append(")::bigint), 0) AS f FROM ")
				.append(table)
				.append(" r");
		}
		Map<String, String> prints = new TreeMap<>();
		jdbc.sql(sql.toString()).query((row, n) -> prints.put(row.getString(1), row.getString(2))).list();
		return prints;
	}

	private static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
		return after.keySet().stream().filter(table -> !after.get(table).equals(before.get(table))).toList();
	}

	private void awaitJobsFinished() throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			Integer running = jdbc.sql("SELECT count(*) FROM job WHERE status IN ('QUEUED', 'RUNNING')")
				.query(Integer.class)
				.single();
			if (running == 0) {
				return;
			}
			Thread.sleep(50);
		}
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String abbreviate(String text) {
		return (text.length() <= 160) ? text : text.substring(0, 160) + "...(" + text.length() + ")";
	}

}
