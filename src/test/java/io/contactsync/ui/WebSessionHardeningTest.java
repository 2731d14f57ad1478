package io.contactsync.ui;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/targets.md S3: the web UI's session cookie is HttpOnly and SameSite=Lax and is
 * renewed at sign-in; every form needs the session's CSRF token; pages carry a content
 * security policy and may not be framed; what users typed is shown as text; signing out
 * ends the session.
 */
@Tag("quality")
class WebSessionHardeningTest extends DemoCompanyApiTest {

	@Test
	void theSessionCookieIsHttpOnlySameSiteAndRenewedAtSignIn() {
		String password = "session-password-1";
		String username = user(password);
		WebSession browser = new WebSession(port);
		browser.get("/login");
		String before = browser.cookie("JSESSIONID").orElseThrow().getValue();

		HttpResponse<String> signedIn = browser.submitLogin(username, password);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		List<String> cookies = signedIn.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
			.contains("HttpOnly")
			.containsIgnoringCase("SameSite=Lax"));
		assertThat(browser.cookie("JSESSIONID").orElseThrow().getValue())
			.as("the session id before sign-in is not the one after")
			.isNotEqualTo(before);
	}

	@Test
	void aFormWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
		String password = "session-password-2";
		WebSession browser = new WebSession(port).signIn(user(password), password);
		JsonNode contact = company("Csrf AS");
		long version = contact.get("version").asLong();

		HttpResponse<String> forged = browser.postWithoutToken("/contacts/" + no(contact),
				Map.of("version", String.valueOf(version), "city", "Forfalsket"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(read("/api/v1/contacts/" + no(contact)).get("city").asString()).isNotEqualTo("Forfalsket");
		assertThat(new WebSession(port).postWithoutToken("/login", Map.of("username", "admin", "password", "x"))
			.statusCode()).as("not even the sign-in form").isEqualTo(403);

		HttpResponse<String> real = browser.post("/contacts/" + no(contact),
				Map.of("version", String.valueOf(version), "city", "Ekte"));
		assertThat(real.statusCode()).isEqualTo(302);
		assertThat(read("/api/v1/contacts/" + no(contact)).get("city").asString()).isEqualTo("Ekte");
	}

	@Test
	void pagesShowWhatWasTypedAsTextAndMayNotBeFramed() {
		String password = "session-password-3";
		WebSession browser = new WebSession(port).signIn(user(password), password);
		JsonNode contact = company("<script>alert('x')</script>", "city", "<img src=x onerror=alert(1)>");

		HttpResponse<String> card = browser.get("/contacts/" + no(contact));
		assertThat(card.statusCode()).isEqualTo(200);
		assertThat(card.body()).doesNotContain("<script>alert('x')</script>")
			.doesNotContain("<img src=x")
			.contains("&lt;script&gt;");
		assertThat(card.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(card.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(card.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void signingOutEndsTheSession() {
		String password = "session-password-4";
		WebSession browser = new WebSession(port).signIn(user(password), password);
		assertThat(browser.get("/contacts").statusCode()).isEqualTo(200);

		assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(302);

		HttpResponse<String> after = browser.get("/contacts");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	private String user(String password) {
		String username = "session-" + unique().toLowerCase();
		assertThat(admin()
			.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of("SALES")))
			.status()).isEqualTo(201);
		return username;
	}

}
