package io.contactsync.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/targets.md S4: repeated failed sign-ins lock the user name for a while, even for
 * the right password, without telling a guesser so; request bodies and list pages are
 * capped. ({@link FailedLoginsTest} holds the lock's timing.)
 */
@Tag("quality")
class AbuseLimitsTest extends ApiTest {

	@Test
	void fiveWrongPasswordsLockTheUserNameAndTheRefusalReadsTheSame() {
		String username = "abuse-" + unique().toLowerCase();
		String password = "abuse-password-1";
		assertThat(admin()
			.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);
		Api.Response wrong = null;
		for (int i = 0; i < 5; i++) {
			wrong = Api.anonymous(port).as(username, "wrong-" + i).get("/api/v1/contacts");
			assertProblem(wrong, 401, "UNAUTHORIZED");
		}

		Api.Response locked = Api.anonymous(port).as(username, password).get("/api/v1/contacts");

		assertProblem(locked, 401, "UNAUTHORIZED");
		assertThat(locked.text()).isEqualTo(wrong.text());
		assertThat(userWithRole("VIEWER").get("/api/v1/contacts").status()).as("others sign in").isEqualTo(200);
	}

	@Test
	void requestBodiesAreCappedWithOrWithoutALength() throws Exception {
		String huge = "{\"type\":\"COMPANY\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";

		assertProblem(admin().post("/api/v1/contacts", huge), 413, "PAYLOAD_TOO_LARGE");
		HttpResponse<String> chunked = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contacts"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				// a stream's length is not known beforehand: the body goes in chunks
				.POST(HttpRequest.BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
		assertThat(chunked.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
	}

	@Test
	void aListPageIsCappedAtAThousand() {
		assertThat(admin().get("/api/v1/contacts?limit=1000").status()).isEqualTo(200);

		Api.Response tooMany = admin().get("/api/v1/contacts?limit=1001");

		assertProblem(tooMany, 422, "VALIDATION_FAILED");
		assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
	}

}
