package io.contactsync.setup;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checked data (docs/rules.md, "Checked data"): values that fail a check are refused with
 * 422, or saved with a warning where setup says so; phone numbers are searched and
 * matched as duplicates in E.164.
 */
class CheckedDataApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aBadValueIsRefusedWithItsFieldAndWhatToDo() {
		Api.Response phone = admin().post("/api/v1/contacts", Map.of("name", "Kort Nummer AS", "phoneNo", "22 33 44"));
		assertProblem(phone, 422, "VALIDATION_FAILED");
		assertThat(errors(phone)).containsExactly("phoneNo");
		assertThat(phone.json().get("errors").get(0).get("message").asString()).contains("22 33 44",
				"length of a phone number of NO", "country code");

		Api.Response org = admin().post("/api/v1/customers",
				Map.of("name", "Feil Orgnr AS", "vatRegistrationNo", "923609017"));
		assertProblem(org, 422, "VALIDATION_FAILED");
		assertThat(errors(org)).containsExactly("vatRegistrationNo");
		assertThat(
				admin().post("/api/v1/customers", Map.of("name", "Riktig Orgnr AS", "vatRegistrationNo", "923609016"))
					.status())
			.isEqualTo(201);

		Api.Response bank = admin().post("/api/v1/bank-accounts",
				Map.of("name", "Feil Bank", "iban", "NO9386011117948", "swiftCode", "DNBAXXKK"));
		assertProblem(bank, 422, "VALIDATION_FAILED");
		assertThat(errors(bank)).containsExactlyInAnyOrder("iban", "swiftCode");
		assertThat(admin()
			.post("/api/v1/bank-accounts",
					Map.of("name", "Riktig Bank", "iban", "GB82WEST12345698765432", "swiftCode", "NWBKGB2L"))
			.status()).isEqualTo(201);

		Api.Response email = admin().post("/api/v1/vendors",
				Map.of("name", "Feil Post AS", "email", "ordre@firma.no; innkjop@firma"));
		assertProblem(email, 422, "VALIDATION_FAILED");
		assertThat(errors(email)).containsExactly("email");
		assertThat(email.json().get("errors").get(0).get("message").asString()).contains("innkjop@firma");
	}

	@Test
	void aRefusalNamesTheFieldsThatBreakTheirOwnRulesToo() {
		Api.Response refused = admin().post("/api/v1/contacts",
				Map.of("name", "x".repeat(101), "vatRegistrationNo", "923609017", "phoneNo", "ring meg"));

		assertProblem(refused, 422, "VALIDATION_FAILED");
		assertThat(errors(refused)).as("the letters in the phone reported once")
			.containsExactlyInAnyOrder("name", "phoneNo", "vatRegistrationNo");
	}

	@Test
	void inWarnModeABadValueIsSavedAndTheAnswersWarnOfIt() {
		setMarketing("phoneNoCheck", "WARN");
		String no;
		try {
			Api.Response created = admin().post("/api/v1/contacts",
					Map.of("name", "Gammel Data AS", "phoneNo", "22 33 44", "email", "post@gammel-data.no"));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			no = no(created.json());
			assertThat(warnings(created.json())).containsExactly("phoneNo");
			assertThat(text(created.json(), "phoneNoE164")).as("no E.164 form").isEmpty();
			assertThat(warnings(read("/api/v1/contacts/" + no))).as("and on every read").containsExactly("phoneNo");
			// in the API's language: English by default, whatever cookie of the pages
			// comes along; Norwegian when Accept-Language asks
			String byDefault = warningText(admin().header("Cookie", "contactsync-language=nb"), no);
			assertThat(byDefault).isEqualTo(warningText(admin().header("Accept-Language", "en"), no))
				.isNotEqualTo(warningText(admin().header("Accept-Language", "nb"), no));

			Api.Response email = admin().post("/api/v1/contacts", Map.of("name", "Gammel Post AS", "email", "post@"));
			assertProblem(email, 422, "VALIDATION_FAILED");
		}
		finally {
			setMarketing("phoneNoCheck", "REFUSE");
		}
		// Old data stands in the way of no other change; it is checked when it changes.
		assertThat(warnings(patched("/api/v1/contacts/" + no, "city", "Bodø"))).containsExactly("phoneNo");
		assertProblem(patch("/api/v1/contacts/" + no, "phoneNo", "22 33 44 5"), 422, "VALIDATION_FAILED");
		JsonNode cleaned = patched("/api/v1/contacts/" + no, "phoneNo", "22 33 44 55");
		assertThat(cleaned.has("warnings")).isFalse();
		assertThat(text(cleaned, "phoneNoE164")).isEqualTo("+4722334455");
	}

	@Test
	void aValueTheSyncCarriesFromAWarnedRecordIsNotRefusedAgain() {
		setMarketing("vatRegistrationNoCheck", "WARN");
		JsonNode customer;
		try {
			customer = customer("Bærer Feil AS");
			patched("/api/v1/customers/" + no(customer), "vatRegistrationNo", "NO987654321MVA");
		}
		finally {
			setMarketing("vatRegistrationNoCheck", "REFUSE");
		}
		String contactNo = text(customer, "contactNo");
		assertThat(text(read("/api/v1/contacts/" + contactNo), "vatRegistrationNo")).isEqualTo("NO987654321MVA");
		assertThat(warnings(read("/api/v1/contacts/" + contactNo))).containsExactly("vatRegistrationNo");

		patched("/api/v1/customers/" + no(customer), "name", "Bærer Feil Nytt Navn AS");

		assertThat(text(read("/api/v1/contacts/" + contactNo), "name")).isEqualTo("Bærer Feil Nytt Navn AS");
	}

	/**
	 * A value the user did not type, but the application filled in (a person's phone from
	 * its company), is not refused: it is the company's to clean.
	 */
	@Test
	void aPersonTakesItsCompanysOldBadPhoneWithAWarningNotARefusal() {
		setMarketing("phoneNoCheck", "WARN");
		JsonNode company;
		try {
			company = company("Gammel Sentral AS", "phoneNo", "22 33 44");
		}
		finally {
			setMarketing("phoneNoCheck", "REFUSE");
		}

		JsonNode person = person("Per Arving", no(company));

		assertThat(text(person, "phoneNo")).isEqualTo("22 33 44");
		assertThat(warnings(person)).containsExactly("phoneNo");
		assertProblem(
				admin().post("/api/v1/contacts",
						Map.of("type", "PERSON", "name", "Per Egen", "companyNo", no(company), "phoneNo", "22 33 44")),
				422, "VALIDATION_FAILED");
	}

	@Test
	void phoneNumbersAreSearchedInE164WhicheverWayTheyWereTyped() {
		String digits = "2" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
		String spaced = digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " "
				+ digits.substring(6);
		JsonNode local = company("Lokalt Nummer AS", "phoneNo", spaced);
		JsonNode international = company("Internasjonalt Nummer AS", "phoneNo", "+47 " + digits);
		JsonNode customer = customer("Kunde Med Nummer AS", "phoneNo", spaced);

		assertThat(text(local, "phoneNo")).as("kept as typed").isEqualTo(spaced);
		assertThat(text(local, "phoneNoE164")).isEqualTo("+47" + digits);
		assertThat(text(international, "phoneNoE164")).isEqualTo("+47" + digits);
		assertThat(found("/api/v1/contacts?q=%2B47" + digits)).contains(no(local), no(international),
				text(customer, "contactNo"));
		assertThat(found("/api/v1/customers?q=%2B47" + digits)).containsExactly(no(customer));
	}

	@Test
	void duplicatesMatchAcrossPhoneAndOrganisationNumberFormsAndSayWhy() {
		String digits = "2" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
		String orgNo = organisationNumber(80_000_000 + ThreadLocalRandom.current().nextInt(9_999_999));
		String tag = unique();
		JsonNode first = company("Fonefirma" + tag + " AS", "phoneNo", digits, "vatRegistrationNo",
				"NO" + orgNo + "MVA", "postCode", "8006");
		JsonNode second = company("Fonefirma" + tag + " Holding AS", "phoneNo", "+47 " + digits, "vatRegistrationNo",
				orgNo.substring(0, 3) + " " + orgNo.substring(3, 6) + " " + orgNo.substring(6), "postCode", "8006");

		JsonNode duplicate = admin().get("/api/v1/contacts/" + no(first) + "/duplicates")
			.json()
			.valueStream()
			.filter(entry -> entry.get("duplicateContactNo").asString().equals(no(second)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("not found as a duplicate"));

		// name, city, post code, phone, organisation number: first and last five each
		assertThat(duplicate.get("searchStrings").asInt()).isEqualTo(10);
		assertThat(duplicate.get("matchingStrings").asInt()).as("all but the end of the name").isEqualTo(9);
		assertThat(duplicate.get("sharePercent").asInt()).isEqualTo(90);
		assertThat(duplicate.get("matches")
			.valueStream()
			.map(m -> m.get("field").asString() + " " + m.get("part").asString() + " " + m.get("value").asString()))
			.contains("phoneNo FIRST 47" + digits.substring(0, 3), "phoneNo LAST " + digits.substring(3),
					"vatRegistrationNo FIRST " + orgNo.substring(0, 5), "vatRegistrationNo LAST " + orgNo.substring(4))
			.doesNotContain("name LAST INGAS");

		WebSession browser = new WebSession(port).signIn("admin", ADMIN_PASSWORD);
		HttpResponse<String> english = browser.get("/contacts/" + no(first) + "?lang=en");
		assertThat(english.body()).contains("9 of 10 search strings alike (90 %)",
				"Phone starts 47" + digits.substring(0, 3));
		HttpResponse<String> norwegian = browser.get("/contacts/" + no(first) + "?lang=nb");
		assertThat(norwegian.body()).contains("9 av 10 søkestrenger like (90 %)");
	}

	@Test
	void aCardWarnsOfItsBadValuesInTheReadersLanguage() {
		setMarketing("ibanCheck", "WARN");
		JsonNode bank;
		try {
			bank = bankAccount("Advarselbanken", "iban", "NO9386011117948");
		}
		finally {
			setMarketing("ibanCheck", "REFUSE");
		}
		assertThat(warnings(bank)).containsExactly("iban");

		WebSession browser = new WebSession(port).signIn("admin", ADMIN_PASSWORD);
		assertThat(browser.get("/bank-accounts/" + no(bank) + "?lang=nb").body()).contains("check-warnings",
				"NO9386011117948 er ikke et gyldig IBAN: kontrollsifrene stemmer ikke");
		assertThat(browser.get("/bank-accounts/" + no(bank) + "?lang=en").body())
			.contains("NO9386011117948 is not a valid IBAN: its check digits do not fit");
	}

	@Test
	void aFormSaysWhatIsWrongInTheReadersLanguage() {
		WebSession browser = new WebSession(port).signIn("admin", ADMIN_PASSWORD);
		browser.get("/contacts?lang=nb");

		HttpResponse<String> refused = browser.post("/contacts",
				Map.of("type", "COMPANY", "name", "Skjema Feil AS", "phoneNo", "22 33 44"));

		assertThat(refused.body()).contains("22 33 44 har ikke lengden til et telefonnummer i NO")
			.doesNotContain("does not have the length");
	}

	@Test
	void theSettingsAreInMarketingSetupAndRefuseByDefault() {
		JsonNode marketing = read("/api/v1/setup/marketing");

		for (String check : List.of("phoneNoCheck", "emailCheck", "vatRegistrationNoCheck", "ibanCheck")) {
			assertThat(text(marketing, check)).as(check).isEqualTo("REFUSE");
		}
		assertProblem(admin().put("/api/v1/setup/marketing", Map.of("phoneNoCheck", "IGNORE")), 422,
				"VALIDATION_FAILED");
	}

	/**
	 * Numbers stored before the checks get their E.164 form from migration 12.0.5, which
	 * Flyway ran at this context's start.
	 */
	@Test
	void theMigrationGivesNumbersStoredBeforeTheChecksTheirE164Form() throws Exception {
		assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '12.0.5'")
			.query(Boolean.class)
			.single()).isTrue();
		JsonNode company = company("Gammelt Nummer AS", "phoneNo", "22 33 44 55", "faxNo", "+46 8 123 456 78");
		jdbc.sql("UPDATE contact SET phone_no_e164 = '', fax_no_e164 = '' WHERE no = ?").param(no(company)).update();

		try (Connection connection = dataSource.getConnection()) {
			new PhoneNumbersInE164().migrate(new Context() {

				@Override
				public Configuration getConfiguration() {
					throw new UnsupportedOperationException();
				}

				@Override
				public Connection getConnection() {
					return connection;
				}

			});
		}

		assertThat(jdbc.sql("SELECT phone_no_e164 || '/' || fax_no_e164 FROM contact WHERE no = ?")
			.param(no(company))
			.query(String.class)
			.single()).isEqualTo("+4722334455/+46812345678");
	}

	private List<String> found(String path) {
		Api.Response response = admin().get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("items").findValuesAsString("no");
	}

	private static List<String> errors(Api.Response response) {
		return response.json().get("errors").findValuesAsString("field");
	}

	private static String warningText(Api reader, String contactNo) {
		return reader.get("/api/v1/contacts/" + contactNo).json().get("warnings").get(0).get("message").asString();
	}

	private static List<String> warnings(JsonNode record) {
		return record.has("warnings") ? record.get("warnings").findValuesAsString("field") : List.of();
	}

	/** Eight digits and the MOD11 check digit of an organisation number. */
	private static String organisationNumber(int base) {
		int[] weights = { 3, 2, 7, 6, 5, 4, 3, 2 };
		for (int candidate = base;; candidate++) {
			String digits = String.valueOf(candidate);
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += (digits.charAt(i) - '0') * weights[i];
			}
			int check = 11 - sum % 11;
			if (check != 10) {
				return digits + (check == 11 ? 0 : check);
			}
		}
	}

}
