package io.contactsync.security;

import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsEndpointsTest extends ApiTest {

	@Test
	void healthAnswersWithoutSigningIn() {
		assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusMetricsAreForAdministrators() {
		assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(userWithRole("VIEWER").get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(admin().get("/actuator/prometheus").text()).contains("jvm_memory_used_bytes");
	}

	@Test
	void openApiDescribesTheSetupApi() {
		var docs = anonymous().get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/business-relations",
				"/api/v1/business-relations/{code}", "/api/v1/setup/marketing", "/api/v1/setup/sync-fields",
				"/api/v1/post-codes/{code}/{city}", "/api/v1/users/{username}/tokens");
		assertThat(anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
	}

	@Test
	void unknownApiPathsAre404Problems() {
		assertProblem(admin().get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
	}

	@Test
	void aWrongMethodIs405Problem() {
		assertProblem(admin().send("PUT", "/api/v1/business-relations", "{}"), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void aBodyLargerThanTheApiTakesIs413Problem() {
		String huge = "{\"code\": \"BIG\", \"description\": \"" + "x".repeat(1_500_000) + "\"}";

		assertProblem(admin().post("/api/v1/business-relations", huge), 413, "PAYLOAD_TOO_LARGE");
		assertProblem(admin().get("/api/v1/business-relations/BIG"), 404, "NOT_FOUND");
	}

	@Test
	void aWrongContentTypeIs415Problem() {
		assertProblem(admin().header("Content-Type", "text/plain").post("/api/v1/business-relations", "x"), 415,
				"UNSUPPORTED_MEDIA_TYPE");
	}

}
