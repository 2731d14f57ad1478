package io.contactsync.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
 * after every refused request every table holds what it held before; and a request the
 * generator ({@link BadRequests}) means as bad is refused: accepted, it fails the test,
 * since either the generator was wrong about it or the service. Only what the generator
 * calls odd (a SQL fragment as a name, a filter that matches nothing) may be accepted.
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

	/** Tables the framework writes on its own time, not as an answer to a request. */
	private static final List<String> NOT_FINGERPRINTED = List.of("flyway_schema_history");

	/**
	 * A row as fingerprinted, where not whole: when a token was last used is bookkeeping
	 * of the sign-in, written for refused requests too, not data the request changed; an
	 * event's place in the change feed is given after its commit by the sequencer, on its
	 * own time (an event of an earlier, accepted request may get it meanwhile), and so is
	 * the feed's newest position.
	 */
	private static final Map<String, String> ROW_TEXT = Map.of("api_token",
			"(r.id, r.username, r.token_hash, r.name, r.expires_at, r.revoked_at)::text", "change_event",
			"(r.id, r.type, r.record_type, r.no, r.version, r.origin, r.user_name, r.source_system, r.changes)::text",
			"change_feed", "(r.purged_through)::text");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void badRequestsOverEveryEndpointAreRefusedCleanlyAndChangeNothing() throws Exception {
		System.out.printf("HostileInputTest: seed %d (replay with -Dhostile.seed=%d)%n", SEED, SEED);
		String token = admin().post("/api/v1/users/admin/tokens", null).json().get("token").asString();
		assertThat(admin()
			.post("/api/v1/users",
					Map.of("username", "hostile-victim", "password", "victim-password-1", "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);
		JsonNode api = admin().get("/v3/api-docs").json();
		BadRequests generator = new BadRequests(SEED, api, this::existingKey);
		List<BadRequests.Operation> operations = generator.operations();
		assertThat(operations).hasSizeGreaterThan(100);

		Map<String, Integer> byStatus = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		Map<String, String> before = fingerprint();
		int refused = 0;
		int oddAccepted = 0;
		long started = System.nanoTime();
		for (int i = 0; i < REQUESTS; i++) {
			BadRequests.Operation operation = operations.get(i % operations.size());
			BadRequests.BadRequest request = generator.generate(operation);
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
			else {
				// Never a silent pass: either the generator was wrong to call it bad, or
				// the service was wrong to take it.
				if (request.meantBad()) {
					wrong.add("accepted although bad: " + what);
				}
				else {
					oddAccepted++;
				}
				if (!request.method().equals("GET")) {
					awaitJobsFinished();
					before = fingerprint();
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf(
				"HostileInputTest: %d requests over %d operations in %.1f s, %d refused, %d odd ones accepted,"
						+ " by status %s, %d wrong%n",
				REQUESTS, operations.size(), seconds, refused, oddAccepted, byStatus, wrong.size());
		wrong.stream().limit(40).forEach(line -> System.out.println("  " + line));
		assertThat(wrong).isEmpty();
		assertThat(refused).as("most generated requests are bad").isGreaterThan(REQUESTS / 2);
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

	private HttpResponse<String> send(BadRequests.BadRequest request, String token) throws Exception {
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

	static String abbreviate(String text) {
		return (text.length() <= 160) ? text : text.substring(0, 160) + "...(" + text.length() + ")";
	}

}
