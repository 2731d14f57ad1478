package io.contactsync.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/targets.md S1: every endpoint the application maps, called as nobody and as a user
 * of each role, is allowed or refused as the role table of docs/rest.md says. The
 * endpoints come from the application's own request mappings and the expectations from
 * the table below, written from docs/rest.md and not from the security configuration; an
 * endpoint the table has no rule for fails the test, so a new endpoint cannot go out
 * without one.
 * <p>
 * The calls name real records of the demo company wherever a list gives one, so an
 * allowed call is seen to work: a read answers 2xx, a write reaches its record (no 401,
 * 403 or 404; without a body it is refused as incomplete, so nothing changes). A refused
 * call is 403 for a user, 401 for nobody. Where no record is to be had the key is one no
 * record has, and only the refusal is told apart.
 */
@Tag("quality")
class AuthorizationMatrixTest extends DemoCompanyApiTest {

	/** Values for path variables that stand for one of a few names. */
	private static final Map<String, List<String>> CHOICES = Map.of("resource",
			List.of("sales-quotes", "sales-orders", "sales-blanket-orders", "purchase-quotes", "purchase-orders",
					"purchase-blanket-orders", "service-orders"),
			"type", List.of("CUSTOMER", "VENDOR", "BANK_ACCOUNT"));

	/** Mappings of the framework, outside both chains' role tables. */
	private static final Set<String> FRAMEWORK = Set.of("/error", "/swagger-ui.html");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** Real keys by list path and variable; null where the list gave none. */
	private final Map<String, String> keys = new java.util.HashMap<>();

	/** A user of the matrix's own, whose tokens the calls may revoke. */
	private String target;

	@Test
	void everyApiEndpointAnswersEachRoleAsTheRoleTableSays() {
		Map<Role, Api> users = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			users.put(role, userWithToken(role));
		}
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		for (Endpoint endpoint : endpoints(false)) {
			Set<Role> allowed = expected(AccessTables.API, endpoint);
			boolean open = endpoint.path().startsWith("/v3/");
			Api.Response nobody = anonymous().send(endpoint.method(), endpoint.path(), null);
			calls++;
			if (open ? isRefused(nobody.status()) : nobody.status() != 401) {
				wrong.add(endpoint + " as nobody: " + nobody.status());
			}
			for (Role role : Role.values()) {
				// A write's body is no JSON object: a write that reaches its record is
				// refused there as malformed, and no record of the demo changes.
				Api.Response answer = users.get(role)
					.send(endpoint.method(), endpoint.path(), endpoint.method().equals("GET") ? null : "[]");
				calls++;
				boolean toLogin = answer.header("Location").orElse("").endsWith("/login");
				if (!answersAsTheTableSays(endpoint, allowed.contains(role), toLogin ? 401 : answer.status())) {
					wrong.add(endpoint + " as " + role + ": " + answer.status() + " (allowed: " + allowed + ")");
				}
			}
		}
		long real = endpoints(false).stream().filter(Endpoint::real).count();
		System.out.printf("AuthorizationMatrixTest: %d API calls, %d of %d endpoints on real records%n", calls, real,
				endpoints(false).size());
		assertThat(real).as("most endpoints are called on real records").isGreaterThan(endpoints(false).size() / 2);
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyPageOfTheWebUiAnswersEachRoleAsTheRoleTableSays() {
		Map<Role, WebSession> users = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			users.put(role, signIn(role));
		}
		WebSession nobody = new WebSession(port);
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		for (Endpoint endpoint : endpoints(true)) {
			Set<Role> allowed = expected(AccessTables.UI, endpoint);
			HttpResponse<String> anonymous = call(nobody, endpoint);
			calls++;
			boolean sentToLogin = anonymous.statusCode() == 302
					&& anonymous.headers().firstValue("Location").orElse("").endsWith("/login");
			if (!endpoint.path().equals("/login") && !sentToLogin && anonymous.statusCode() != 403) {
				wrong.add(endpoint + " as nobody: " + anonymous.statusCode());
			}
			for (Role role : Role.values()) {
				HttpResponse<String> answer = call(users.get(role), endpoint);
				calls++;
				boolean works = !endpoint.real() || !endpoint.method().equals("GET") || answer.statusCode() == 200
						|| (answer.statusCode() == 302
								&& !answer.headers().firstValue("Location").orElse("").endsWith("/login"));
				if (answer.statusCode() >= 500 || (answer.statusCode() == 403) == allowed.contains(role)
						|| (allowed.contains(role) && !works)) {
					wrong.add(endpoint + " as " + role + ": " + answer.statusCode() + " (allowed: " + allowed + ")");
				}
			}
		}
		System.out.printf("AuthorizationMatrixTest: %d web UI calls%n", calls);
		assertThat(wrong).isEmpty();
	}

	@Test
	void theTablesHaveNoRuleForAPathNoRoleIsGiven() {
		assertThat(Role.values()).as("a new role needs its line in docs/rest.md's table and in this test")
			.containsExactlyInAnyOrder(Role.ADMIN, Role.SALES, Role.PURCHASING, Role.FINANCE, Role.VIEWER);
		assertThat(endpoints(false)).hasSizeGreaterThan(100);
		assertThat(endpoints(true)).hasSizeGreaterThan(40);
	}

	private static boolean isRefused(int status) {
		return status == 401 || status == 403;
	}

	/**
	 * Refused: 403. Allowed on a real record: a read answers 2xx, a write finds its
	 * record. Allowed on a key no record has: anything but a refusal.
	 */
	private static boolean answersAsTheTableSays(Endpoint endpoint, boolean allowed, int status) {
		if (status >= 500) {
			return false;
		}
		if (!allowed) {
			return status == 403;
		}
		if (!endpoint.real()) {
			return !isRefused(status);
		}
		boolean read = endpoint.method().equals("GET") || endpoint.method().equals("HEAD");
		return read ? status >= 200 && status < 400 : !isRefused(status) && status != 404;
	}

	/** The roles a rule gives the endpoint; no rule fails the test. */
	private static Set<Role> expected(List<AccessTables.Rule> table, Endpoint endpoint) {
		return table.stream()
			.filter(rule -> rule.matches(endpoint))
			.findFirst()
			.map(AccessTables.Rule::roles)
			.orElseThrow(() -> new AssertionError("the role table of docs/rest.md (and this test) has no rule for "
					+ endpoint + "; add one before the endpoint goes out"));
	}

	/**
	 * The application's endpoints, each path variable filled with a value no record has
	 * (so nothing is changed) or, where the path says which of a few names it takes, with
	 * each of them.
	 */
	private List<Endpoint> endpoints(boolean webUi) {
		Set<Endpoint> found = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			boolean ui = isWebPage(mapping.getValue().getBeanType());
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (FRAMEWORK.contains(pattern) || ui != webUi) {
					continue;
				}
				assertThat(ui || pattern.startsWith("/api/v1/") || pattern.startsWith("/v3/api-docs"))
					.as("an endpoint outside the API and the web UI: " + pattern)
					.isTrue();
				for (Map.Entry<String, Boolean> path : concrete(pattern, webUi, true).entrySet()) {
					for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						found.add(new Endpoint(method.name(), path.getKey(), path.getValue()));
					}
				}
			}
		}
		return List.copyOf(found);
	}

	/**
	 * Whether a controller serves the web UI: the ui module's pages, and the downloads
	 * another module offers the pages (a {@code @Controller}, not a
	 * {@code @RestController}, such as the exports of the exchange module).
	 */
	private static boolean isWebPage(Class<?> controller) {
		return controller.getPackageName().startsWith("io.contactsync.ui")
				|| (AnnotatedElementUtils.hasAnnotation(controller, Controller.class)
						&& !AnnotatedElementUtils.hasAnnotation(controller, RestController.class));
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(?::([^}]+))?}");

	/** The concrete paths of a pattern, each with whether every key in it is real. */
	private Map<String, Boolean> concrete(String pattern, boolean webUi, boolean real) {
		Matcher variable = VARIABLE.matcher(pattern);
		if (!variable.find()) {
			return Map.of(pattern, real);
		}
		String name = variable.group(1);
		List<String> values;
		boolean realKey = true;
		if (variable.group(2) != null) {
			values = List.of(variable.group(2).split("\\|"));
		}
		else if (CHOICES.containsKey(name)) {
			values = CHOICES.get(name);
		}
		else {
			String key = realKey(pattern.substring(0, variable.start() - 1), name, webUi);
			realKey = key != null;
			values = List.of(key != null ? key
					: name.equals("id") || name.equals("lineNo") || name.equals("entryNo") ? "987654321" : "ZZNOSUCH");
		}
		Map<String, Boolean> paths = new java.util.TreeMap<>();
		for (String value : values) {
			String one = pattern.substring(0, variable.start()) + value + pattern.substring(variable.end());
			paths.putAll(concrete(one, webUi, real && realKey && offered(one)));
		}
		return paths;
	}

	/**
	 * Whether the path is one the API offers, not only one its mapping takes: an order is
	 * made only from a quote or a blanket order (docs/rest.md), so make-order on an order
	 * answers 404 whoever asks.
	 */
	private static boolean offered(String path) {
		return !path.contains("/make-order") || path.contains("-quotes/") || path.contains("-blanket-orders/");
	}

	/**
	 * The key of the first record the list at {@code listPath} gives (the API's list for
	 * a page of the web UI); a user of the matrix's own for a user name.
	 */
	private @org.jspecify.annotations.Nullable String realKey(String listPath, String variable, boolean webUi) {
		if (variable.equals("username")) {
			return target();
		}
		String list = webUi ? "/api/v1" + listPath.replaceFirst("^/documents", "") : listPath;
		return keys.computeIfAbsent(list + " " + variable, ignored -> {
			Api.Response answer = admin().get(list + "?limit=1");
			if (answer.status() != 200) {
				return null;
			}
			JsonNode items = answer.json().has("items") ? answer.json().get("items") : answer.json();
			JsonNode key = items.path(0).path(variable);
			return key.isValueNode() && !key.isNull() ? key.asString() : null;
		});
	}

	private String target() {
		if (target == null) {
			target = "matrix-target-" + unique().toLowerCase();
			assertThat(
					admin()
						.post("/api/v1/users",
								Map.of("username", target, "password", "password-" + target, "roles",
										List.of("VIEWER")))
						.status())
				.isEqualTo(201);
			assertThat(admin().post("/api/v1/users/" + target + "/tokens", null).status()).isEqualTo(201);
		}
		return target;
	}

	private Api userWithToken(Role role) {
		String username = "matrix-" + role.name().toLowerCase() + "-" + unique().toLowerCase();
		Api.Response created = admin().post("/api/v1/users",
				Map.of("username", username, "password", "password-" + username, "roles", List.of(role.name())));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api.Response token = admin().post("/api/v1/users/" + username + "/tokens", null);
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		return anonymous().withToken(token.json().get("token").asString());
	}

	private WebSession signIn(Role role) {
		String username = "matrix-ui-" + role.name().toLowerCase() + "-" + unique().toLowerCase();
		String password = "password-" + username;
		assertThat(admin()
			.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of(role.name())))
			.status()).isEqualTo(201);
		return new WebSession(port).signIn(username, password);
	}

	private static HttpResponse<String> call(WebSession session, Endpoint endpoint) {
		return endpoint.method().equals("GET") ? session.get(endpoint.path())
				: session.send(endpoint.method(), endpoint.path());
	}

	/** One method and concrete path, and whether its keys are those of real records. */
	record Endpoint(String method, String path, boolean real) implements Comparable<Endpoint> {

		@Override
		public int compareTo(Endpoint other) {
			int byPath = path.compareTo(other.path);
			return (byPath != 0) ? byPath : method.compareTo(other.method);
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

}
