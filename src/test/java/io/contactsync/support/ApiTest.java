package io.contactsync.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests through the real HTTP API on a random port, against the embedded PostgreSQL. All
 * such tests share one application context; each test makes its own data with unique
 * keys. Webhooks may be received on the loopback, and are retried within milliseconds and
 * given up after seconds, so that a test sees retries and a disabled endpoint without
 * waiting hours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "contactsync.webhooks.allow-private-addresses=true", "contactsync.webhooks.first-retry=50ms",
				"contactsync.webhooks.max-retry-wait=200ms", "contactsync.webhooks.patience=3s" })
public abstract class ApiTest {

	public static final String ADMIN_PASSWORD = TestDatabaseContextCustomizerFactory.ADMIN_PASSWORD;

	@LocalServerPort
	protected int port;

	/**
	 * Bearer tokens of the administrator, by server port: cheaper per request than
	 * bcrypt.
	 */
	private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

	protected Api admin() {
		String token = ADMIN_TOKENS.computeIfAbsent(port, p -> {
			Api.Response issued = adminWithPassword().post("/api/v1/users/admin/tokens", null);
			assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
			return issued.json().get("token").asString();
		});
		return Api.anonymous(port).withToken(token);
	}

	/** The administrator signed in with HTTP Basic and the first start's password. */
	protected Api adminWithPassword() {
		return Api.anonymous(port).as("admin", ADMIN_PASSWORD);
	}

	protected Api anonymous() {
		return Api.anonymous(port);
	}

	/** A new user with the given role, signed in. */
	protected Api userWithRole(String role) {
		String username = role.toLowerCase() + "-" + unique().toLowerCase();
		String password = "password-" + username;
		Api.Response created = admin().post("/api/v1/users",
				Map.of("username", username, "password", password, "roles", List.of(role)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return Api.anonymous(port).as(username, password);
	}

	/** A short key no other test uses. */
	protected static String unique() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
	}

	protected static void assertProblem(Api.Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.code()).as(response.toString()).isEqualTo(code);
	}

}
