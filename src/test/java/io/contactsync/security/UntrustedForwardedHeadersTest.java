package io.contactsync.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import io.contactsync.support.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no proxy named as trusted (the default), what a client writes into
 * {@code X-Forwarded-*} or {@code Host} changes nothing: the sign-in lockout counts by
 * the address the connection came from, the session cookie and HSTS follow the
 * connection's own scheme, and no redirect or address in an answer names the host the
 * client made up (docs/security.md, "Behind a proxy").
 */
class UntrustedForwardedHeadersTest extends ApiTest {

	private static final String FORGED_HOST = "evil.example";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForgedForwardedForNeitherMovesNorEscapesTheLockout() {
		String username = "forged-" + unique().toLowerCase();
		String password = "forged-password-1";
		assertThat(admin()
			.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);

		for (int i = 0; i < FailedLogins.FREE_ATTEMPTS; i++) {
			Api guesser = anonymous().header("X-Forwarded-For", "203.0.113." + (10 + i)).as(username, "guess-" + i);
			assertProblem(guesser.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
		}

		List<String> addresses = jdbc.sql("SELECT address FROM failed_login WHERE username = ?")
			.param(username)
			.query(String.class)
			.list();
		assertThat(addresses).as("counted by the connection's address, whatever the header said")
			.singleElement()
			.satisfies(address -> assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1"));
		assertProblem(anonymous().header("X-Forwarded-For", "198.51.100.9")
			.as(username, password)
			.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
	}

	@Test
	void aForgedForwardedProtoMakesNeitherTheCookieSecureNorSendsHsts() {
		RawHttp.Answer login = RawHttp.send(port, "GET", "/login",
				List.of("Host: localhost", "X-Forwarded-Proto: https"), "");

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.all("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
			.allSatisfy(cookie -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
		assertThat(login.first("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void noAnswerNamesTheHostTheClientMadeUp() {
		RawHttp.Answer toLogin = RawHttp.send(port, "GET", "/contacts", List.of("Host: " + FORGED_HOST), "");
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.first("Location")).hasValue("/login");

		String code = "H" + unique();
		RawHttp.Answer created = RawHttp.send(
				port, "POST", "/api/v1/business-relations", List.of("Host: " + FORGED_HOST,
						"Authorization: " + basic("admin", ADMIN_PASSWORD), "Content-Type: application/json"),
				"{\"code\":\"" + code + "\",\"description\":\"Vert\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.first("Location")).hasValue("/api/v1/business-relations/" + code);

		RawHttp.Answer docs = RawHttp.send(port, "GET", "/v3/api-docs", List.of("Host: " + FORGED_HOST), "");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).doesNotContain(FORGED_HOST);
	}

	@Test
	void signingInGoesBackToThePageAskedForByItsPathOnly() {
		String username = "return-" + unique().toLowerCase();
		String password = "return-password-1";
		assertThat(admin()
			.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of("SALES")))
			.status()).isEqualTo(201);
		RawHttp.Answer asked = RawHttp.send(port, "GET", "/customers", List.of("Host: " + FORGED_HOST), "");
		String session = sessionCookie(asked);
		RawHttp.Answer page = RawHttp.send(port, "GET", "/login", List.of("Host: " + FORGED_HOST, "Cookie: " + session),
				"");
		String token = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

		RawHttp.Answer signedIn = RawHttp.send(port, "POST", "/login",
				List.of("Host: " + FORGED_HOST, "Cookie: " + session,
						"Content-Type: application/x-www-form-urlencoded"),
				"username=" + username + "&password=" + password + "&_csrf=" + token);

		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
		assertThat(signedIn.first("Location"))
			.hasValueSatisfying(location -> assertThat(location).startsWith("/customers").doesNotContain(FORGED_HOST));
	}

	private static String sessionCookie(RawHttp.Answer answer) {
		return answer.all("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
