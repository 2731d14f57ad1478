package io.contactsync.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The conventions of the API, shown on one setup resource: business relations. */
class BusinessRelationApiTest extends ApiTest {

	private static final String PATH = "/api/v1/business-relations";

	@Test
	void createdRelationAnswers201WithLocationETagAndUpperCaseCode() {
		String code = "A" + unique();
		Api.Response created = admin().post(PATH, Map.of("code", code.toLowerCase(), "description", "Advokat"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(PATH + "/" + code));
		assertThat(created.header("ETag")).contains("\"1\"");
		assertThat(created.json().get("code").asString()).isEqualTo(code);
		assertThat(created.version()).isEqualTo(1);

		Api.Response read = admin().get(PATH + "/" + code);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("description").asString()).isEqualTo("Advokat");
		assertThat(read.header("ETag")).contains("\"1\"");
	}

	@Test
	void patchChangesOnlyTheFieldsSentAndAdvancesTheVersion() {
		String code = create("Revisor");

		Api.Response patched = admin().ifMatch(1)
			.patch(PATH + "/" + code, Map.of("description", "Statsautorisert revisor"));

		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.json().get("description").asString()).isEqualTo("Statsautorisert revisor");
		assertThat(patched.version()).isEqualTo(2);
		assertThat(patched.header("ETag")).contains("\"2\"");
	}

	@Test
	void patchWithMergePatchMediaTypeIsAccepted() {
		String code = create("Revisor");

		Api.Response patched = admin().ifMatch(1)
			.header("Content-Type", "application/merge-patch+json")
			.patch(PATH + "/" + code, Map.of("description", "Ny"));

		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

	@Test
	void patchWithoutIfMatchIs428AndWritesNothing() {
		String code = create("Presse");

		assertProblem(admin().patch(PATH + "/" + code, Map.of("description", "Endret")), 428, "PRECONDITION_REQUIRED");
		assertThat(admin().get(PATH + "/" + code).json().get("description").asString()).isEqualTo("Presse");
	}

	@Test
	void patchWithStaleVersionIs412WithCurrentVersionAndWritesNothing() {
		String code = create("Presse");
		admin().ifMatch(1).patch(PATH + "/" + code, Map.of("description", "Første"));

		Api.Response stale = admin().ifMatch(1).patch(PATH + "/" + code, Map.of("description", "Andre"));

		assertProblem(stale, 412, "VERSION_CONFLICT");
		assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
		assertThat(admin().get(PATH + "/" + code).json().get("description").asString()).isEqualTo("Første");
	}

	@Test
	void ifMatchStarOverwritesKnowingly() {
		String code = create("Presse");
		admin().ifMatch(1).patch(PATH + "/" + code, Map.of("description", "Første"));

		Api.Response patched = admin().header("If-Match", "*").patch(PATH + "/" + code, Map.of("description", "Andre"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.version()).isEqualTo(3);
	}

	@Test
	void patchThatChangesNothingKeepsTheVersion() {
		String code = create("Presse");

		Api.Response same = admin().ifMatch(1).patch(PATH + "/" + code, Map.of("description", "Presse"));

		assertThat(same.status()).isEqualTo(200);
		assertThat(same.version()).isEqualTo(1);
	}

	@Test
	void deleteNeedsIfMatchAndAnswers204ThenTheRelationIsGone() {
		String code = create("Midlertidig");

		assertProblem(admin().delete(PATH + "/" + code), 428, "PRECONDITION_REQUIRED");
		assertProblem(admin().ifMatch(7).delete(PATH + "/" + code), 412, "VERSION_CONFLICT");
		assertThat(admin().ifMatch(1).delete(PATH + "/" + code).status()).isEqualTo(204);
		assertProblem(admin().get(PATH + "/" + code), 404, "NOT_FOUND");
	}

	@Test
	void creatingAnExistingCodeIs409AlreadyExists() {
		String code = create("Kunde");

		assertProblem(admin().post(PATH, Map.of("code", code, "description", "Igjen")), 409, "ALREADY_EXISTS");
	}

	@Test
	void overlongDescriptionIs422NamingTheFieldAndNothingIsCut() {
		String code = "L" + unique();

		Api.Response response = admin().post(PATH, Map.of("code", code, "description", "x".repeat(101)));

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("description");
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("at most 100");
		assertProblem(admin().get(PATH + "/" + code), 404, "NOT_FOUND");
	}

	@Test
	void overlongCodeIs422() {
		assertProblem(admin().post(PATH, Map.of("code", "ABCDEFGHIJK", "description", "x")), 422, "VALIDATION_FAILED");
	}

	@Test
	void missingCodeIs422NamingTheField() {
		Api.Response response = admin().post(PATH, Map.of("description", "Uten kode"));

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
	}

	@Test
	void unknownFieldIs400NamingTheField() {
		Api.Response response = admin().post(PATH, Map.of("code", "U" + unique(), "colour", "blue"));

		assertProblem(response, 400, "MALFORMED_REQUEST");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
	}

	@Test
	void wrongTypeIs400() {
		assertProblem(admin().post(PATH, Map.of("code", "W" + unique(), "description", 12)), 400, "MALFORMED_REQUEST");
	}

	@Test
	void brokenJsonIs400() {
		assertProblem(admin().post(PATH, "{\"code\": \"X\","), 400, "MALFORMED_REQUEST");
		assertProblem(admin().post(PATH, "[1, 2]"), 400, "MALFORMED_REQUEST");
		assertProblem(admin().post(PATH, "{\"code\": \"D1\", \"code\": \"D2\"}"), 400, "MALFORMED_REQUEST");
	}

	@Test
	void controlCharactersAre422() {
		assertProblem(admin().post(PATH, Map.of("code", "C" + unique(), "description", "a\u0000b")), 422,
				"VALIDATION_FAILED");
	}

	@Test
	void patchingTheKeyOrTheVersionIs400() {
		String code = create("Nøkkel");

		assertProblem(admin().ifMatch(1).patch(PATH + "/" + code, Map.of("code", "NY")), 400, "MALFORMED_REQUEST");
		assertProblem(admin().ifMatch(1).patch(PATH + "/" + code, Map.of("version", 5)), 400, "MALFORMED_REQUEST");
	}

	@Test
	void unknownRelationIs404() {
		assertProblem(admin().get(PATH + "/FINNESIKKE"), 404, "NOT_FOUND");
		assertProblem(admin().ifMatch(1).patch(PATH + "/FINNESIKKE", Map.of("description", "x")), 404, "NOT_FOUND");
	}

	@Test
	void listIsKeysetPagedInCodeOrder() {
		String prefix = "P" + unique().substring(0, 5);
		for (int i = 1; i <= 3; i++) {
			admin().post(PATH, Map.of("code", prefix + i, "description", "Side " + i));
		}
		List<String> codes = new ArrayList<>();
		String cursor = null;
		do {
			Api.Response page = admin().get(PATH + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
			page.json().get("items").forEach(item -> codes.add(item.get("code").asString()));
			cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
		}
		while (cursor != null);

		assertThat(codes).isSorted().doesNotHaveDuplicates().contains(prefix + 1, prefix + 2, prefix + 3);
	}

	@Test
	void listLimitOutsideItsRangeIs422AndABadCursorIs400() {
		assertProblem(admin().get(PATH + "?limit=1001"), 422, "VALIDATION_FAILED");
		assertProblem(admin().get(PATH + "?limit=0"), 422, "VALIDATION_FAILED");
		assertProblem(admin().get(PATH + "?limit=abc"), 400, "MALFORMED_REQUEST");
		assertProblem(admin().get(PATH + "?cursor=!!!"), 400, "MALFORMED_REQUEST");
	}

	private String create(String description) {
		String code = "R" + unique();
		Api.Response created = admin().post(PATH, Map.of("code", code, "description", description));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

}
