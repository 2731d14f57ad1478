package io.contactsync.integration.webhook;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the webhooks' API refuses (docs/webhooks.md): addresses that could reach into the
 * service's network, unknown event and record types and malformed input, each naming its
 * field; a change without the current version; anyone but an administrator. The endpoints
 * refused are never made; the one the version test makes has a receiver of its own on the
 * loopback, and is deleted by the test.
 */
class WebhookRulesApiTest extends DemoCompanyApiTest {

	@Test
	void urlsThatCouldReachIntoTheServicesNetworkAreRefused() {
		for (String url : List.of("ftp://127.0.0.1/hook", "http://user:password@127.0.0.1/hook",
				"http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "file:///etc/passwd")) {
			Api.Response refused = admin().post("/api/v1/webhooks", Map.of("url", url));
			assertProblem(refused, 422, "VALIDATION_FAILED");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
		}
	}

	@Test
	void unknownEventAndRecordTypesAndBadInputAreRefusedNamingTheField() {
		String url = "http://127.0.0.1:9/hook";
		Api.Response type = admin().post("/api/v1/webhooks",
				Map.of("url", url, "eventTypes", List.of("contact.changed", "contact.exploded")));
		assertProblem(type, 422, "VALIDATION_FAILED");
		assertThat(type.json().get("errors").get(0).get("field").asString()).isEqualTo("eventTypes");
		assertThat(type.json().get("errors").get(0).get("message").asString()).contains("contact.exploded");

		Api.Response record = admin().post("/api/v1/webhooks", Map.of("url", url, "recordTypes", List.of("SPACESHIP")));
		assertProblem(record, 422, "VALIDATION_FAILED");
		assertThat(record.json().get("errors").get(0).get("field").asString()).isEqualTo("recordTypes");

		assertProblem(admin().post("/api/v1/webhooks", Map.of("eventTypes", List.of())), 422, "VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/webhooks", "{\"url\": \"" + url + "\", \"eventTypes\": \"all\"}"), 400,
				"MALFORMED_REQUEST");
		assertProblem(admin().post("/api/v1/webhooks", Map.of("url", url, "colour", "red")), 400, "MALFORMED_REQUEST");
		assertProblem(admin().get("/api/v1/webhooks/999999999"), 404, "NOT_FOUND");
	}

	@Test
	void changesNeedTheCurrentVersion() throws Exception {
		try (LoopbackReceiver receiver = new LoopbackReceiver()) {
			changesNeedTheCurrentVersion(receiver.url());
		}
	}

	private void changesNeedTheCurrentVersion(String url) {
		Api.Response created = admin().post("/api/v1/webhooks",
				Map.of("url", url, "recordTypes", List.of("CONTACT"), "description", "versions " + unique()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		String path = "/api/v1/webhooks/" + id;
		long version = admin().get(path).version();
		assertThat(admin().get(path).header("ETag")).hasValue("\"" + version + "\"");

		assertProblem(admin().patch(path, Map.of("description", "x")), 428, "PRECONDITION_REQUIRED");
		assertProblem(admin().ifMatch(version + 5).patch(path, Map.of("description", "x")), 412, "VERSION_CONFLICT");
		assertProblem(admin().ifMatch(version).patch(path, Map.of("secret", "whsec_AAAA")), 400, "MALFORMED_REQUEST");
		Api.Response patched = admin().ifMatch(version).patch(path, Map.of("description", "changed"));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.version()).isEqualTo(version + 1);
		assertProblem(admin().ifMatch(version).delete(path), 412, "VERSION_CONFLICT");
		assertThat(admin().ifMatch(version + 1).delete(path).status()).isEqualTo(204);
		assertProblem(admin().get(path), 404, "NOT_FOUND");
	}

	@Test
	void onlyAdministratorsSeeOrChangeWebhooks() {
		for (String role : List.of("SALES", "FINANCE", "VIEWER")) {
			Api user = userWithRole(role);
			assertProblem(user.get("/api/v1/webhooks"), 403, "FORBIDDEN");
			assertProblem(user.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1/hook")), 403, "FORBIDDEN");
		}
		assertThat(anonymous().get("/api/v1/webhooks").status()).isEqualTo(401);
	}

}
