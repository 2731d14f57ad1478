package io.contactsync.customer;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers, vendors and bank accounts through the API: their own fields and conventions.
 */
class LinkedRecordApiTest extends DemoCompanyApiTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "customers", "vendors", "bank-accounts" })
	void createReadPatchDeleteWithNumbersFromTheirSeries(String resource) {
		Api.Response created = admin().post("/api/v1/" + resource, Map.of("name", "Post " + resource + " AS"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String no = no(created.json());
		assertThat(no).matches(switch (resource) {
			case "customers" -> "K\\d{5}";
			case "vendors" -> "L\\d{5}";
			default -> "B\\d{3}";
		});
		assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(resource + "/" + no));

		JsonNode patched = patched("/api/v1/" + resource + "/" + no, "city", "Ålesund");
		assertThat(text(patched, "city")).isEqualTo("Ålesund");
		assertThat(admin().get("/api/v1/" + resource + "?q=alesund&limit=1000")
			.json()
			.get("items")
			.findValuesAsString("no")).contains(no);

		long version = read("/api/v1/" + resource + "/" + no).get("version").asLong();
		assertThat(admin().ifMatch(version).delete("/api/v1/" + resource + "/" + no).status()).isEqualTo(204);
		assertProblem(admin().get("/api/v1/" + resource + "/" + no), 404, "NOT_FOUND");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "customers", "vendors", "bank-accounts" })
	void aNameIsRequiredAndFieldsKeepTheirRules(String resource) {
		Api.Response response = admin().post("/api/v1/" + resource, Map.of("city", "x".repeat(31), "email", "nei"));

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "city",
				"email");
		assertProblem(admin().post("/api/v1/" + resource, Map.of("name", "X", "contactNo", "KT000001")), 400,
				"MALFORMED_REQUEST");
	}

	@Test
	void aCustomerHasItsOwnFields() {
		JsonNode customer = customer("Egne Felt AS", "creditLimitLcy", 150000.50, "blocked", "SHIP",
				"customerPostingGroup", "innland");

		assertThat(customer.get("creditLimitLcy").decimalValue()).isEqualByComparingTo("150000.5");
		assertThat(text(customer, "blocked")).isEqualTo("SHIP");
		assertThat(text(customer, "customerPostingGroup")).isEqualTo("INNLAND");
		assertThat(text(customer, "contactType")).isEqualTo("COMPANY");
		assertProblem(admin().post("/api/v1/customers", Map.of("name", "X", "blocked", "PAYMENT")), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/vendors", Map.of("name", "X", "blocked", "SHIP")), 422,
				"VALIDATION_FAILED");
	}

	@Test
	void aTemplateFillsWhatTheBodyLeavesOut() {
		JsonNode customer = customer("Fra Mal AS", "templateCode", "eksport", "paymentTermsCode", "60D");

		assertThat(text(customer, "currencyCode")).isEqualTo("EUR");
		assertThat(text(customer, "customerPostingGroup")).isEqualTo("UTLAND");
		assertThat(text(customer, "paymentTermsCode")).as("given in the body").isEqualTo("60D");
		assertProblem(admin().post("/api/v1/customers", Map.of("name", "X", "templateCode", "NOSUCH")), 422,
				"UNKNOWN_CODE");
		assertProblem(admin().post("/api/v1/bank-accounts", Map.of("name", "X", "templateCode", "BEDRIFT")), 400,
				"MALFORMED_REQUEST");
	}

	@Test
	void aNumberGivenByHandNeedsASeriesThatAllowsIt() {
		assertProblem(admin().post("/api/v1/vendors", Map.of("no", "L99999", "name", "Hånd AS")), 422,
				"MANUAL_NOS_NOT_ALLOWED");
	}

	@Test
	void aNumberGivenByHandThatIsTakenIsRefusedWithNothingWritten() {
		String series = text(read("/api/v1/setup/numbering"), "vendorNos");
		Api.Response lenient = patch("/api/v1/number-series/" + series, "manualNos", true);
		assertThat(lenient.status()).as(lenient.toString()).isEqualTo(200);
		try {
			String no = "LH" + unique();
			String name = "Hånd " + no + " AS";
			vendor(name, "no", no);
			long logged = admin().get("/api/v1/change-log?no=" + no + "&limit=1000").json().get("items").size();

			assertProblem(admin().post("/api/v1/vendors", Map.of("no", no, "name", "Annen " + no)), 409,
					"ALREADY_EXISTS");
			assertThat(text(read("/api/v1/vendors/" + no), "name")).isEqualTo(name);
			assertThat(admin().get("/api/v1/contacts?q=" + no + "&limit=1000").json().get("items").size())
				.as("the contact of the first, none for the refused one")
				.isEqualTo(1);
			assertThat(admin().get("/api/v1/change-log?no=" + no + "&limit=1000").json().get("items").size())
				.isEqualTo(logged);
		}
		finally {
			patch("/api/v1/number-series/" + series, "manualNos", false);
		}
	}

	@Test
	void rolesOfCustomersVendorsAndBankAccounts() {
		Map<String, List<String>> writers = Map.of("customers", List.of("SALES", "FINANCE"), "vendors",
				List.of("PURCHASING", "FINANCE"), "bank-accounts", List.of("FINANCE"));
		for (String role : List.of("SALES", "PURCHASING", "FINANCE", "VIEWER")) {
			Api user = userWithRole(role);
			writers.forEach((resource, allowed) -> {
				Api.Response created = user.post("/api/v1/" + resource, Map.of("name", role + " " + resource));
				if (allowed.contains(role)) {
					assertThat(created.status()).as(role + " creates " + resource + ": " + created).isEqualTo(201);
				}
				else {
					assertProblem(created, 403, "FORBIDDEN");
				}
				boolean reads = !resource.equals("bank-accounts") || role.equals("FINANCE");
				assertThat(user.get("/api/v1/" + resource).status()).as(role + " reads " + resource)
					.isEqualTo(reads ? 200 : 403);
			});
		}
	}

	@Test
	void theChangeLogListsNewestFirstByRecordAndChecksItsFilters() {
		JsonNode customer = customer("Logget AS");
		patched("/api/v1/customers/" + no(customer), "city", "Bodø");

		JsonNode entries = admin().get("/api/v1/change-log?recordType=CUSTOMER&no=" + no(customer) + "&limit=2").json();

		assertThat(entries.get("items").get(0).get("field").asString()).isEqualTo("city");
		assertThat(entries.get("items").get(0).get("newValue").asString()).isEqualTo("Bodø");
		assertThat(entries.get("next").isNull()).isFalse();
		assertProblem(admin().get("/api/v1/change-log?recordType=PLANET"), 422, "VALIDATION_FAILED");
		assertProblem(admin().get("/api/v1/change-log?cursor=xyz"), 400, "MALFORMED_REQUEST");
		assertProblem(anonymous().get("/api/v1/change-log"), 401, "UNAUTHORIZED");
	}

}
