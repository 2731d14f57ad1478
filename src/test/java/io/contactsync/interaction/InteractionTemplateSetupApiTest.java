package io.contactsync.interaction;

import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionTemplateSetupApiTest extends ApiTest {

	private static final String PATH = "/api/v1/setup/interaction-templates";

	@Test
	void mapsEachDocumentTypeToATemplateOrNothing() {
		String template = "T" + unique();
		admin().post("/api/v1/interaction-templates", Map.of("code", template, "description", "Tilbud"));

		Api.Response put = admin().put(PATH, Map.of("SALES_QUOTE", template.toLowerCase(), "EMAIL", template));

		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.json().get("SALES_QUOTE").asString()).isEqualTo(template);
		assertThat(put.json().get("SERVICE_ORDER_CREATE").isNull()).isTrue();
		assertThat(put.json().propertyNames()).hasSize(DocumentType.values().length);

		Api.Response replaced = admin().put(PATH, Map.of("EMAIL", template));
		assertThat(replaced.json().get("SALES_QUOTE").isNull()).as("left out: nothing is logged").isTrue();
		assertThat(admin().get(PATH).json().get("EMAIL").asString()).isEqualTo(template);
	}

	@Test
	void anUnknownTemplateIs422AndAnUnknownDocumentTypeIs400() {
		Api.Response unknown = admin().put(PATH, Map.of("SALES_QUOTE", "NOSUCH"));
		assertProblem(unknown, 422, "UNKNOWN_CODE");
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("SALES_QUOTE");

		assertProblem(admin().put(PATH, Map.of("FAX_COVER", "X")), 400, "MALFORMED_REQUEST");
	}

	@Test
	void onlyAdministratorsChangeIt() {
		Api purchasing = userWithRole("PURCHASING");

		assertThat(purchasing.get(PATH).status()).isEqualTo(200);
		assertProblem(purchasing.put(PATH, Map.of()), 403, "FORBIDDEN");
	}

}
