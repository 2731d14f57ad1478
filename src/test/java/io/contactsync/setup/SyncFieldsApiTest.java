package io.contactsync.setup;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SyncFieldsApiTest extends ApiTest {

	@Autowired
	SyncFieldMap map;

	@Test
	void defaultsShareTheFieldsOfTheDomainRulesBothWays() {
		JsonNode entries = admin().get("/api/v1/setup/sync-fields").json();

		assertThat(fields(entries, "CUSTOMER")).hasSize(19)
			.contains("name", "phoneNo", "email", "vatRegistrationNo", "registrationNumber", "salespersonCode");
		assertThat(fields(entries, "VENDOR")).hasSize(18)
			.contains("vatRegistrationNo")
			.doesNotContain("salespersonCode");
		assertThat(fields(entries, "BANK_ACCOUNT")).hasSize(16).doesNotContain("vatRegistrationNo");
		assertThat(entries.findValuesAsString("direction")).containsOnly("BOTH");
	}

	@Test
	void aChangedDirectionIsStoredAndOthersKeepTheirs() {
		Api.Response put = admin().put("/api/v1/setup/sync-fields",
				List.of(Map.of("recordType", "VENDOR", "field", "homePage", "direction", "CONTACT_TO_RECORD")));

		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(map.directions().get(LinkedRecordType.VENDOR).get("homePage"))
			.isEqualTo(SyncDirection.CONTACT_TO_RECORD);
		assertThat(map.directions().get(LinkedRecordType.VENDOR).get("name")).isEqualTo(SyncDirection.BOTH);

		admin().put("/api/v1/setup/sync-fields",
				List.of(Map.of("recordType", "VENDOR", "field", "homePage", "direction", "BOTH")));
		assertThat(map.directions().get(LinkedRecordType.VENDOR).get("homePage")).isEqualTo(SyncDirection.BOTH);
	}

	@Test
	void aFieldTheRecordTypeDoesNotShareIs422() {
		Api.Response response = admin().put("/api/v1/setup/sync-fields",
				List.of(Map.of("recordType", "BANK_ACCOUNT", "field", "vatRegistrationNo", "direction", "BOTH")));

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("[0].field");
	}

	@Test
	void anUnknownDirectionOrMissingPartIsRefusedAndNothingChanges() {
		assertProblem(
				admin().put("/api/v1/setup/sync-fields",
						List.of(Map.of("recordType", "CUSTOMER", "field", "name", "direction", "SIDEWAYS"))),
				400, "MALFORMED_REQUEST");
		assertProblem(
				admin().put("/api/v1/setup/sync-fields", List.of(Map.of("recordType", "CUSTOMER", "field", "name"))),
				422, "VALIDATION_FAILED");
		assertProblem(
				admin().put("/api/v1/setup/sync-fields",
						List.of(Map.of("recordType", "CUSTOMER", "field", "name", "direction", "NONE", "extra", 1))),
				400, "MALFORMED_REQUEST");
		assertThat(map.directions().get(LinkedRecordType.CUSTOMER).get("name")).isEqualTo(SyncDirection.BOTH);
	}

	@Test
	void onlyAdministratorsChangeTheMap() {
		Api finance = userWithRole("FINANCE");

		assertThat(finance.get("/api/v1/setup/sync-fields").status()).isEqualTo(200);
		assertProblem(finance.put("/api/v1/setup/sync-fields", List.of()), 403, "FORBIDDEN");
	}

	private static List<String> fields(JsonNode entries, String recordType) {
		return entries.valueStream()
			.filter(entry -> entry.get("recordType").asString().equals(recordType))
			.map(entry -> entry.get("field").asString())
			.toList();
	}

}
