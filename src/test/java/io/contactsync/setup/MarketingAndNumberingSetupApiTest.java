package io.contactsync.setup;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The two settings resources: one row each, read with GET and replaced with PUT. */
class MarketingAndNumberingSetupApiTest extends ApiTest {

	@Test
	void marketingSetupHasEveryFieldOfTheContract() {
		Api.Response setup = admin().get("/api/v1/setup/marketing");

		assertThat(setup.status()).isEqualTo(200);
		assertThat(setup.header("ETag")).isPresent();
		assertThat(setup.json().propertyNames()).contains("businessRelationCodeForCustomers",
				"businessRelationCodeForVendors", "businessRelationCodeForBankAccounts", "contactNos",
				"inheritSalespersonCode", "inheritTerritoryCode", "inheritCountryRegionCode", "inheritLanguageCode",
				"inheritAddressDetails", "inheritCommunicationDetails", "defaultLanguageCode",
				"defaultCountryRegionCode", "defaultSalespersonCode", "defaultTerritoryCode",
				"maintainDuplicateSearchStrings", "autosearchForDuplicates", "searchHitPercent", "version");
	}

	@Test
	void marketingSetupPutReplacesAndChecksItsCodes() {
		String relation = "K" + unique();
		admin().post("/api/v1/business-relations", Map.of("code", relation, "description", "Kunde"));
		String series = "S" + unique();
		admin().post("/api/v1/number-series", Map.of("code", series, "startingNo", "CT000001"));

		Api.Response put = admin().put("/api/v1/setup/marketing", Map.of("businessRelationCodeForCustomers", relation,
				"contactNos", series, "inheritTerritoryCode", false, "searchHitPercent", 80));

		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.json().get("businessRelationCodeForCustomers").asString()).isEqualTo(relation);
		assertThat(put.json().get("inheritTerritoryCode").asBoolean()).isFalse();
		assertThat(put.json().get("inheritLanguageCode").asBoolean()).as("left out: its default").isTrue();
		assertThat(admin().get("/api/v1/setup/marketing").json().get("contactNos").asString()).isEqualTo(series);

		Api.Response unknown = admin().put("/api/v1/setup/marketing",
				Map.of("businessRelationCodeForVendors", "NOSUCHCODE"));
		assertProblem(unknown, 422, "UNKNOWN_CODE");
		assertThat(unknown.json().get("errors").get(0).get("field").asString())
			.isEqualTo("businessRelationCodeForVendors");
		assertThat(admin().get("/api/v1/setup/marketing").json().get("contactNos").asString())
			.as("a refused PUT changes nothing")
			.isEqualTo(series);
	}

	@Test
	void marketingSetupHitPercentStaysWithinOneToHundred() {
		assertProblem(admin().put("/api/v1/setup/marketing", Map.of("searchHitPercent", 101)), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().put("/api/v1/setup/marketing", Map.of("searchHitPercent", 0)), 422, "VALIDATION_FAILED");
	}

	@Test
	void putWithAStaleIfMatchIs412() {
		long version = admin().get("/api/v1/setup/numbering").version();

		assertProblem(admin().ifMatch(version + 5).put("/api/v1/setup/numbering", Map.of()), 412, "VERSION_CONFLICT");
	}

	@Test
	void whatAGetAnsweredIsTakenBackByAPut() {
		for (String path : List.of("/api/v1/setup/marketing", "/api/v1/setup/numbering")) {
			Api.Response read = admin().get(path);

			Api.Response put = admin().put(path, read.text());

			assertThat(put.status()).as(put.toString()).isEqualTo(200);
			assertThat(put.version()).as("nothing changed: the version stays").isEqualTo(read.version());
		}
	}

	@Test
	void aStaleVersionInThePutBodyIs412AndChangesNothing() {
		Api.Response read = admin().get("/api/v1/setup/marketing");
		ObjectNode stale = (ObjectNode) read.json();
		stale.put("version", read.version() + 3);
		stale.put("searchHitPercent", 77);

		assertProblem(admin().put("/api/v1/setup/marketing", stale.toString()), 412, "VERSION_CONFLICT");
		assertThat(admin().get("/api/v1/setup/marketing").version()).isEqualTo(read.version());
	}

	@Test
	void numberingSetupNamesNumberSeries() {
		String series = "C" + unique();
		admin().post("/api/v1/number-series", Map.of("code", series, "startingNo", "C00010", "incrementBy", 10));

		Api.Response put = admin().put("/api/v1/setup/numbering", Map.of("customerNos", series));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.json().propertyNames()).contains("customerNos", "vendorNos", "bankAccountNos", "salesQuoteNos",
				"salesOrderNos", "salesBlanketOrderNos", "purchaseQuoteNos", "purchaseOrderNos",
				"purchaseBlanketOrderNos", "serviceOrderNos");

		assertProblem(admin().put("/api/v1/setup/numbering", Map.of("vendorNos", "NOSERIES")), 422, "UNKNOWN_CODE");
		assertProblem(admin().put("/api/v1/setup/numbering", Map.of("vendorNos", 5)), 400, "MALFORMED_REQUEST");
	}

	@Test
	void onlyAdministratorsChangeSettingsButEveryoneReadsThem() {
		Api sales = userWithRole("SALES");

		assertThat(sales.get("/api/v1/setup/marketing").status()).isEqualTo(200);
		assertThat(sales.get("/api/v1/setup/numbering").status()).isEqualTo(200);
		assertProblem(sales.put("/api/v1/setup/marketing", Map.of()), 403, "FORBIDDEN");
		assertProblem(sales.put("/api/v1/setup/numbering", Map.of()), 403, "FORBIDDEN");
		assertProblem(anonymous().get("/api/v1/setup/marketing"), 401, "UNAUTHORIZED");
	}

}
