package io.contactsync.setup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every keyed setup resource of docs/rest.md: its happy path, a validation error, and who
 * may use it.
 */
class SetupResourcesApiTest extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	/** Each resource with a valid body (without its code), and a field to patch. */
	static Stream<Arguments> resources() {
		return Stream
			.of(Arguments.of("business-relations", Map.of("description", "Advokat"), "description", 100),
					Arguments.of("salespeople",
							Map.of("name", "Ola Nordmann", "email", "ola@firma.no", "phoneNo", "+47 22 00 00 00"),
							"name", 50),
					Arguments.of("territories", Map.of("name", "Vestlandet"), "name", 50),
					Arguments.of("countries-regions", Map.of("name", "Norge"), "name", 50),
					Arguments.of("languages", Map.of("name", "Norsk bokmål"), "name", 50),
					Arguments.of("currencies", Map.of("name", "Euro"), "name", 50),
					Arguments.of("customer-templates",
							Map.of("description", "Bedrift", "contactType", "COMPANY", "customerPostingGroup",
									"INNLAND", "pricesIncludingVat", false),
							"description", 100),
					Arguments.of("vendor-templates",
							Map.of("description", "Leverandør", "contactType", "COMPANY", "vendorPostingGroup",
									"INNLAND"),
							"description", 100),
					Arguments.of("interaction-templates",
							Map.of("description", "Telefon", "informationFlow", "OUTBOUND", "initiatedBy", "US",
									"unitCostLcy", 12.5, "unitDurationMin", 5),
							"description", 100),
					Arguments.of("number-series",
							Map.of("description", "Kunder", "startingNo", "K00010", "incrementBy", 10), "description",
							100));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("resources")
	void createReadPatchDelete(String resource, Map<String, Object> body, String field, int maxLength) {
		String path = "/api/v1/" + resource;
		String code = "T" + unique();
		Map<String, Object> values = new HashMap<>(body);
		values.put("code", code);

		Api.Response created = admin().post(path, values);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		body.forEach((name, value) -> assertThat(created.json().get(name).toString())
			.isEqualTo(Api.JSON.valueToTree(value).toString()));

		assertThat(admin().get(path + "/" + code).status()).isEqualTo(200);
		assertThat(admin().get(path + "?limit=1000").json().get("items").findValuesAsString("code")).contains(code);

		Api.Response patched = admin().ifMatch(1).patch(path + "/" + code, Map.of(field, "Endret"));
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get(field).asString()).isEqualTo("Endret");

		assertThat(admin().ifMatch(2).delete(path + "/" + code).status()).isEqualTo(204);
		assertProblem(admin().get(path + "/" + code), 404, "NOT_FOUND");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("resources")
	void overlongTextIs422NamingTheField(String resource, Map<String, Object> body, String field, int maxLength) {
		Map<String, Object> values = new HashMap<>(body);
		values.put("code", "V" + unique());
		values.put(field, "æ".repeat(maxLength + 1));

		Api.Response response = admin().post("/api/v1/" + resource, values);

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("resources")
	void everyRoleReadsOnlyAdministratorsWriteAndNobodyIsRefused(String resource, Map<String, Object> body,
			String field, int maxLength) {
		String path = "/api/v1/" + resource;
		Map<String, Object> values = new HashMap<>(body);
		values.put("code", "S" + unique());

		assertProblem(anonymous().get(path), 401, "UNAUTHORIZED");
		for (String role : new String[] { "SALES", "PURCHASING", "FINANCE", "VIEWER" }) {
			Api user = userWithRole(role);
			assertThat(user.get(path).status()).as(role + " reads " + path).isEqualTo(200);
			assertProblem(user.post(path, values), 403, "FORBIDDEN");
		}
		assertThat(admin().post(path, values).status()).isEqualTo(201);
		Api viewer = userWithRole("VIEWER");
		assertProblem(viewer.ifMatch(1).patch(path + "/" + values.get("code"), Map.of(field, "x")), 403, "FORBIDDEN");
		assertProblem(viewer.ifMatch(1).delete(path + "/" + values.get("code")), 403, "FORBIDDEN");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("resources")
	void aCodeLosesTheSpacesAroundItAndABlankCodeIsRefused(String resource, Map<String, Object> body) {
		String path = "/api/v1/" + resource;
		Map<String, Object> blank = new HashMap<>(body);
		blank.put("code", "  ");
		Api.Response refused = admin().post(path, blank);
		assertProblem(refused, 422, "VALIDATION_FAILED");
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("code");
		assertProblem(admin().get(path + "/%20%20"), 404, "NOT_FOUND");

		String code = "S" + unique();
		Map<String, Object> padded = new HashMap<>(body);
		padded.put("code", " " + code.toLowerCase() + " ");
		Api.Response created = admin().post(path, padded);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("code").asString()).isEqualTo(code);
		assertThat(admin().get(path + "/" + code).status()).isEqualTo(200);
	}

	/**
	 * Every table keyed by a code or number alone (one a request may type in) has the
	 * check, so that a writer that does not strip the key, today's or a later one, is
	 * refused by the database.
	 */
	@Test
	void theDatabaseRefusesAKeyWithSpacesAroundItInEveryTableKeyedByCodeOrNumber() {
		assertThatThrownBy(() -> jdbc.sql("INSERT INTO language (code, name) VALUES (' ', 'Blank')").update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("language_code_trimmed");
		assertThatThrownBy(() -> jdbc.sql("INSERT INTO language (code, name) VALUES ('NO ', 'Padded')").update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc
			.sql("INSERT INTO number_series (code, description, starting_no) VALUES ('PAD', 'Padded', ' K00010')")
			.update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("number_series_starting_no_trimmed");

		List<String> keyedTables = jdbc.sql("""
				SELECT c.table_name FROM information_schema.table_constraints t
				JOIN information_schema.key_column_usage c ON c.constraint_name = t.constraint_name
				WHERE t.table_schema = 'public' AND t.constraint_type = 'PRIMARY KEY'
				AND c.column_name IN ('code', 'no')
				AND NOT EXISTS (SELECT FROM information_schema.key_column_usage o
					WHERE o.constraint_name = t.constraint_name AND o.column_name <> c.column_name)
				ORDER BY 1""").query(String.class).list();
		List<String> checked = jdbc
			.sql("SELECT conrelid::regclass::text FROM pg_constraint WHERE conname LIKE '%\\_trimmed' ORDER BY 1")
			.query(String.class)
			.list();
		assertThat(keyedTables).hasSizeGreaterThanOrEqualTo(14);
		assertThat(checked).containsAll(keyedTables);
	}

	@Test
	void aCodeThatNamesNothingIs422UnknownCodeNamingTheField() {
		Api.Response response = admin().post("/api/v1/customer-templates",
				Map.of("code", "U" + unique(), "contactType", "COMPANY", "territoryCode", "NOWHERE"));

		assertProblem(response, 422, "UNKNOWN_CODE");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("territoryCode");
	}

	@Test
	void aTemplateNeedsAValidContactType() {
		assertProblem(admin().post("/api/v1/customer-templates", Map.of("code", "N" + unique())), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/vendor-templates", Map.of("code", "N" + unique(), "contactType", "ROBOT")),
				422, "VALIDATION_FAILED");
	}

	@Test
	void aTemplateFillsFromTheCodeListsItNames() {
		String territory = "T" + unique();
		admin().post("/api/v1/territories", Map.of("code", territory, "name", "Nord"));
		String template = "M" + unique();

		Api.Response created = admin().post("/api/v1/customer-templates",
				Map.of("code", template, "contactType", "PERSON", "territoryCode", territory.toLowerCase()));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("territoryCode").asString()).isEqualTo(territory);
	}

	@Test
	void deletingACodeThatIsUsedIs409InUseAndKeepsIt() {
		String territory = "T" + unique();
		admin().post("/api/v1/territories", Map.of("code", territory, "name", "Midt"));
		admin().post("/api/v1/vendor-templates",
				Map.of("code", "I" + unique(), "contactType", "COMPANY", "territoryCode", territory));

		assertProblem(admin().ifMatch(1).delete("/api/v1/territories/" + territory), 409, "IN_USE");
		assertThat(admin().get("/api/v1/territories/" + territory).status()).isEqualTo(200);
	}

	@Test
	void salespersonEmailAndPhoneMustHaveTheirFormats() {
		Api.Response response = admin().post("/api/v1/salespeople",
				Map.of("code", "E" + unique(), "email", "not-an-address", "phoneNo", "call me"));

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email",
				"phoneNo");
	}

	@Test
	void salespersonMayHaveSeveralEmailAddresses() {
		Api.Response response = admin().post("/api/v1/salespeople",
				Map.of("code", "E" + unique(), "email", "ola@firma.no; ola.nordmann@firma.no"));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void interactionTemplateAmountsMustNotBeNegative() {
		assertProblem(admin().post("/api/v1/interaction-templates", Map.of("code", "N" + unique(), "unitCostLcy", -1)),
				422, "VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/interaction-templates",
				Map.of("code", "N" + unique(), "informationFlow", "SIDEWAYS")), 422, "VALIDATION_FAILED");
		assertProblem(
				admin().post("/api/v1/interaction-templates", Map.of("code", "N" + unique(), "unitCostLcy", "12")), 400,
				"MALFORMED_REQUEST");
	}

	@Test
	void postCodesAreKeyedByCodeAndCity() {
		String country = "N" + unique().substring(0, 5);
		admin().post("/api/v1/countries-regions", Map.of("code", country, "name", "Norge"));
		String code = unique().substring(0, 4);

		Api.Response oslo = admin().post("/api/v1/post-codes",
				Map.of("code", code, "city", "Oslo", "countryRegionCode", country, "county", "Oslo"));
		assertThat(
				admin().post("/api/v1/post-codes", Map.of("code", code, "city", "Ås", "county", "Akershus")).status())
			.isEqualTo(201);

		assertThat(oslo.status()).as(oslo.toString()).isEqualTo(201);
		assertThat(oslo.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/" + code + "/Oslo"));
		assertThat(admin().get("/api/v1/post-codes/" + code + "/%C3%85s").json().get("county").asString())
			.isEqualTo("Akershus");
		Api.Response patched = admin().ifMatch(1)
			.patch("/api/v1/post-codes/" + code + "/Oslo", Map.of("county", "Viken"));
		assertThat(patched.json().get("county").asString()).isEqualTo("Viken");
		assertProblem(admin().post("/api/v1/post-codes", Map.of("code", code, "city", "Oslo")), 409, "ALREADY_EXISTS");
		assertProblem(
				admin().post("/api/v1/post-codes", Map.of("code", code, "city", "Bergen", "countryRegionCode", "XX")),
				422, "UNKNOWN_CODE");
		assertThat(admin().ifMatch(2).delete("/api/v1/post-codes/" + code + "/Oslo").status()).isEqualTo(204);
		assertProblem(admin().get("/api/v1/post-codes/" + code + "/Oslo"), 404, "NOT_FOUND");
	}

	@Test
	void everyRoleReadsPostCodesOnlyAdministratorsWriteThem() {
		String code = unique().substring(0, 4);
		assertThat(admin().post("/api/v1/post-codes", Map.of("code", code, "city", "Bodø")).status()).isEqualTo(201);

		assertProblem(anonymous().get("/api/v1/post-codes"), 401, "UNAUTHORIZED");
		Api viewer = userWithRole("VIEWER");
		assertThat(viewer.get("/api/v1/post-codes/" + code + "/Bod%C3%B8").status()).isEqualTo(200);
		assertProblem(viewer.post("/api/v1/post-codes", Map.of("code", code, "city", "Mo")), 403, "FORBIDDEN");
		assertProblem(viewer.ifMatch(1).patch("/api/v1/post-codes/" + code + "/Bod%C3%B8", Map.of("county", "x")), 403,
				"FORBIDDEN");
		assertProblem(viewer.ifMatch(1).delete("/api/v1/post-codes/" + code + "/Bod%C3%B8"), 403, "FORBIDDEN");
	}

	@Test
	void numberSeriesNumbersMustHaveDigitsAndEndAfterTheyStart() {
		assertProblem(admin().post("/api/v1/number-series", Map.of("code", "N" + unique(), "startingNo", "ABC")), 422,
				"VALIDATION_FAILED");
		Api.Response backwards = admin().post("/api/v1/number-series",
				Map.of("code", "N" + unique(), "startingNo", "K00100", "endingNo", "K00010"));
		assertProblem(backwards, 422, "VALIDATION_FAILED");
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("endingNo");
		assertProblem(
				admin().post("/api/v1/number-series",
						Map.of("code", "N" + unique(), "startingNo", "K1", "incrementBy", 0)),
				422, "VALIDATION_FAILED");
	}

}
