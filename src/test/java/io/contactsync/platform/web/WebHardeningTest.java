package io.contactsync.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.contactsync.interaction.ContactEmails;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests a hostile tester sent that were answered wrongly: the error page called
 * directly, methods nobody knows, control characters in query parameters, a line break in
 * an e-mail subject.
 */
class WebHardeningTest extends ApiTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	ContactEmails emails;

	@Autowired
	ApplicationContext context;

	@Test
	void theErrorPageCalledDirectlyIsNotFoundNotAServerError() throws Exception {
		assertProblem(anonymous().get("/error"), 404, "NOT_FOUND");
		assertProblem(admin().get("/error"), 404, "NOT_FOUND");
		HttpResponse<String> browser = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(browser.statusCode()).as("a browser asking for the page").isEqualTo(404);
	}

	@Test
	void requestsFindTheirHandlersPathFirst() {
		assertThat(context.getBean("requestMappingHandlerMapping")).isInstanceOf(PathFirstHandlerMapping.class);
		assertProblem(admin().get("/api/v1/contacts/UKJENT"), 404, "NOT_FOUND");
		assertProblem(admin().send("PUT", "/api/v1/contacts/UKJENT", null), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void anUnknownMethodIs405WithTheMethodsThereAre() {
		for (String method : List.of("FOO", "PROPFIND")) {
			Api.Response answer = admin().send(method, "/api/v1/contacts", null);
			assertProblem(answer, 405, "METHOD_NOT_ALLOWED");
			assertThat(answer.header("Allow")).as(method)
				.hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
		}
		assertProblem(admin().send("FOO", "/contacts", null), 405, "METHOD_NOT_ALLOWED");
		assertProblem(admin().get("/api/v1/contacts/..%2F..%2Fetc"), 400, "MALFORMED_REQUEST");
	}

	@Test
	void controlCharactersInAQueryParameterAre400NamingIt() {
		for (String query : List.of("q=a%00b", "q=a%01b", "q=line%0Abreak", "cursor=a%00b", "no=%1B%5B31m")) {
			String path = (query.startsWith("no=") ? "/api/v1/change-log?" : "/api/v1/contacts?") + query;
			Api.Response answer = admin().get(path);
			assertProblem(answer, 400, "MALFORMED_REQUEST");
			assertThat(answer.json().get("errors").get(0).get("field").asString()).as(query)
				.isEqualTo(query.substring(0, query.indexOf('=')));
		}
		assertProblem(anonymous().get("/api/v1/customers?q=%00"), 400, "MALFORMED_REQUEST");
		assertThat(admin().get("/api/v1/contacts?q=" + "Ålesund%20AS").status()).as("text without control characters")
			.isEqualTo(200);
	}

	@Test
	void aLineBreakInAnEmailSubjectIsRefusedNamingTheSubject() {
		for (String subject : List.of("Hei\r\nBcc: alle@example.com", "Hei\nBcc: x@example.com", "Tab\there")) {
			assertThatThrownBy(() -> emails.send("NO-SUCH-CONTACT", new ContactEmails.Email(subject, "body")))
				.as(subject)
				.isInstanceOfSatisfying(Problems.ValidationFailed.class, ex -> assertThat(ex.errors())
					.containsExactly(new FieldError("subject", "invalid.controlCharacters")));
		}
	}

}
