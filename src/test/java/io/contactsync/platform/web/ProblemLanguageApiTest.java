package io.contactsync.platform.web;

import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal's {@code detail} and {@code errors[].message} are in the language the client
 * asks for with Accept-Language (Norwegian as nb, no or nn; English otherwise and when it
 * does not ask), and its code and fields are the same in every language.
 */
class ProblemLanguageApiTest extends DemoCompanyApiTest {

	private Api norwegian() {
		return admin().header("Accept-Language", "nb");
	}

	@Test
	void aFieldThatBreaksARuleIsExplainedInTheLanguageAskedFor() {
		Map<String, Object> body = Map.of("type", "COMPANY", "name", "Prisfelt " + unique(), "phoneNo", "ring meg");

		Api.Response nb = norwegian().post("/api/v1/contacts", body);
		Api.Response en = admin().post("/api/v1/contacts", body);

		assertProblem(nb, 422, "VALIDATION_FAILED");
		assertProblem(en, 422, "VALIDATION_FAILED");
		assertThat(error(nb, "phoneNo")).isEqualTo("kan inneholde sifre, mellomrom og + ( ) - . / men ikke bokstaver");
		assertThat(error(en, "phoneNo")).isEqualTo("may hold digits, spaces and + ( ) - . / but no letters");
		assertThat(detail(nb)).isEqualTo("phoneNo: kan inneholde sifre, mellomrom og + ( ) - . / men ikke bokstaver");
	}

	@Test
	void aRequiredFieldAndANumberAreExplainedInNorwegian() {
		Api.Response nb = norwegian().post("/api/v1/customers",
				Map.of("name", "", "creditLimitLcy", -5, "contactType", "COMPANY"));

		assertProblem(nb, 422, "VALIDATION_FAILED");
		assertThat(error(nb, "name")).isEqualTo("må fylles ut");
		assertThat(error(nb, "creditLimitLcy")).isEqualTo("kan ikke være negativ");
		assertThat(detail(nb)).isEqualTo("2 felt må rettes; se errors.");
	}

	@Test
	void anUnknownCodeIsNamedInTheLanguageAskedFor() {
		Map<String, Object> body = Map.of("type", "COMPANY", "name", "Ukjent " + unique(), "salespersonCode", "NIX");

		Api.Response nb = norwegian().post("/api/v1/contacts", body);
		Api.Response en = admin().post("/api/v1/contacts", body);

		assertProblem(nb, 422, "UNKNOWN_CODE");
		assertProblem(en, 422, "UNKNOWN_CODE");
		assertThat(error(nb, "salespersonCode"))
			.isEqualTo("Selger NIX finnes ikke; opprett den først eller velg en annen");
		assertThat(error(en, "salespersonCode"))
			.isEqualTo("Salesperson NIX does not exist; create it first or choose another");
	}

	@Test
	void aRecordThatIsNotThereIsNotFoundInEitherLanguage() {
		Api.Response nb = norwegian().get("/api/v1/customers/FINNESIKKE");
		Api.Response en = admin().get("/api/v1/customers/FINNESIKKE");

		assertProblem(nb, 404, "NOT_FOUND");
		assertProblem(en, 404, "NOT_FOUND");
		assertThat(detail(nb)).isEqualTo("Kunde FINNESIKKE finnes ikke.");
		assertThat(detail(en)).isEqualTo("Customer FINNESIKKE does not exist.");
	}

	@Test
	void aStaleVersionIsExplainedInTheLanguageAskedFor() {
		JsonNode contact = create(aCompany().named("Versjon " + unique() + " AS"));
		String path = "/api/v1/contacts/" + text(contact, "no");

		Api.Response nb = norwegian().ifMatch(99).patch(path, Map.of("city", "Bodø"));
		Api.Response en = admin().ifMatch(99).patch(path, Map.of("city", "Bodø"));

		assertProblem(nb, 412, "VERSION_CONFLICT");
		assertProblem(en, 412, "VERSION_CONFLICT");
		assertThat(detail(nb)).isEqualTo("Kontakt " + text(contact, "no")
				+ " ble endret av noen andre (nå versjon 1); les den på nytt og prøv igjen.");
		assertThat(detail(en)).isEqualTo("Contact " + text(contact, "no")
				+ " was changed by someone else (now version 1); read it again and retry.");
		assertThat(nb.json().get("currentVersion").asLong()).isEqualTo(1);
	}

	@Test
	void aBodyThatDoesNotFitTheRecordIsExplainedInTheLanguageAskedFor() {
		Map<String, Object> body = Map.of("name", "Farge " + unique(), "colour", "blå", "version", 3);

		Api.Response nb = norwegian().post("/api/v1/customers", body);
		Api.Response en = admin().post("/api/v1/customers", body);

		assertProblem(nb, 400, "MALFORMED_REQUEST");
		assertProblem(en, 400, "MALFORMED_REQUEST");
		assertThat(detail(nb)).isEqualTo("Innholdet i forespørselen passer ikke til feltene i Kunde; se errors.");
		assertThat(detail(en)).isEqualTo("The request body does not fit the fields of Customer; see errors.");
		assertThat(error(nb, "colour")).isEqualTo("er ikke et felt i Kunde");
		assertThat(error(en, "colour")).isEqualTo("is not a field of Customer");
		assertThat(error(nb, "version")).isEqualTo("kan bare leses; send versjonen du leste i If-Match");
	}

	@ParameterizedTest
	@ValueSource(strings = { "nb", "no", "nn", "nb-NO", "nn-NO,en;q=0.5", "da, nb;q=0.8" })
	void everyNorwegianIsAnsweredInBokmaal(String acceptLanguage) {
		Api.Response refused = admin().header("Accept-Language", acceptLanguage).get("/api/v1/customers/FINNESIKKE");

		assertThat(detail(refused)).isEqualTo("Kunde FINNESIKKE finnes ikke.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "en-GB", "de", "sv, en;q=0.5", "*", "not a language tag!" })
	void anyOtherLanguageIsAnsweredInEnglish(String acceptLanguage) {
		Api.Response refused = admin().header("Accept-Language", acceptLanguage).get("/api/v1/customers/FINNESIKKE");

		assertProblem(refused, 404, "NOT_FOUND");
		assertThat(detail(refused)).isEqualTo("Customer FINNESIKKE does not exist.");
	}

	@Test
	void aRefusalBeforeAnyControllerSpeaksTheLanguageToo() {
		Api.Response nb = anonymous().header("Accept-Language", "nb").get("/api/v1/customers");

		assertProblem(nb, 401, "UNAUTHORIZED");
		assertThat(detail(nb)).isEqualTo("Logg inn med HTTP Basic eller et bearer-token.");
	}

	private static String detail(Api.Response response) {
		return response.json().get("detail").asString();
	}

	private static String error(Api.Response response, String field) {
		for (JsonNode error : response.json().get("errors")) {
			if (error.get("field").asString().equals(field)) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("No error for " + field + " in " + response);
	}

}
