package io.contactsync.security;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import io.contactsync.support.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS proxy that the service trusts (here the loopback, where the tests'
 * requests come from) and with a public address: each client is counted by the address
 * the proxy saw, not by what the client itself put in front of it; the session cookie is
 * {@code Secure}; the OpenAPI document names the public address; a browser's write from
 * the public origin passes (docs/security.md, "Behind a proxy").
 */
@TestPropertySource(properties = { "server.tomcat.remoteip.internal-proxies=127.0.0.1/32, ::1/128",
		"contactsync.public-url=https://contacts.example.test/" })
class TrustedProxyTest extends ApiTest {

	private static final String PUBLIC = "https://contacts.example.test";

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachClientBehindTheProxyHasItsOwnLockout() {
		String username = "proxied-" + unique().toLowerCase();
		String password = "proxied-password-1";
		assertThat(admin()
			.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);
		for (int i = 0; i < FailedLogins.FREE_ATTEMPTS; i++) {
			// The client wrote the first address itself; the proxy appended the one it
			// saw.
			Api guesser = anonymous().header("X-Forwarded-For", "192.0.2.77, 203.0.113.7").as(username, "guess-" + i);
			assertProblem(guesser.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
		}

		assertThat(jdbc.sql("SELECT address FROM failed_login WHERE username = ?")
			.param(username)
			.query(String.class)
			.list()).containsExactly("203.0.113.7");
		assertProblem(anonymous().header("X-Forwarded-For", "203.0.113.7")
			.as(username, password)
			.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
		assertThat(anonymous().header("X-Forwarded-For", "192.0.2.77")
			.as(username, password)
			.get("/api/v1/business-relations")
			.status()).as("the address the guesser wrote in is not locked").isEqualTo(200);
	}

	@Test
	void theSessionCookieIsSecureAndTheProxysTlsIsSeen() {
		RawHttp.Answer plain = RawHttp.send(port, "GET", "/login", List.of("Host: contacts.example.test"), "");
		assertThat(plain.all("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("Secure"));

		RawHttp.Answer overTls = RawHttp.send(port, "GET", "/login",
				List.of("Host: contacts.example.test", "X-Forwarded-Proto: https"), "");
		assertThat(overTls.first("Strict-Transport-Security")).as("the request is seen as secure").isPresent();
		assertThat(plain.first("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theOpenApiDocumentAndBrowsersOriginUseThePublicAddress() {
		Api.Response docs = anonymous().get("/v3/api-docs");
		assertThat(docs.json().get("servers").get(0).get("url").asString()).isEqualTo(PUBLIC);

		String code = "P" + unique();
		Api.Response fromPublicPage = admin().header("Origin", PUBLIC)
			.post("/api/v1/business-relations", Map.of("code", code, "description", "Offentlig"));
		assertThat(fromPublicPage.status()).as(fromPublicPage.toString()).isEqualTo(201);
		assertProblem(
				admin().header("Origin", "https://evil.example")
					.post("/api/v1/business-relations", Map.of("code", "Q" + unique(), "description", "Fremmed")),
				403, "FORBIDDEN");
	}

}
