package io.contactsync.contact;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aPerson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts through the API: docs/rules.md, "Records and contacts", the list conventions
 * of docs/rest.md.
 */
class ContactApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aNewCompanyIsNumberedFromTheContactSeriesAndAnswersWithEveryField() {
		Api.Response created = admin().post("/api/v1/contacts", Map.of("type", "COMPANY", "name", "Fjellvent AS"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode contact = created.json();
		assertThat(no(contact)).matches("KT\\d{6}");
		assertThat(created.header("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/contacts/" + no(contact)));
		assertThat(created.header("ETag")).contains("\"1\"");
		assertThat(contact.propertyNames()).contains("no", "type", "name", "name2", "firstName", "middleName",
				"surname", "jobTitle", "companyNo", "companyName", "address", "address2", "city", "postCode", "county",
				"countryRegionCode", "phoneNo", "mobilePhoneNo", "faxNo", "email", "homePage", "salespersonCode",
				"territoryCode", "languageCode", "currencyCode", "vatRegistrationNo", "registrationNumber",
				"contactBusinessRelation", "version", "lastModifiedAt");
		assertThat(contact.get("companyNo").isNull()).as("a company shows no company").isTrue();
		assertThat(text(contact, "contactBusinessRelation")).isEqualTo("NONE");
	}

	@Test
	void contactsTypedInTakeTheDefaultsOfMarketingSetup() {
		JsonNode contact = create(aCompany().named("Standard AS"));

		assertThat(text(contact, "languageCode")).isEqualTo("NOR");
		assertThat(text(contact, "countryRegionCode")).isEqualTo("NO");
	}

	@Test
	void aPersonsNameIsBuiltFromItsPartsAndSplitIntoThem() {
		JsonNode built = create("/api/v1/contacts",
				Map.of("type", "PERSON", "firstName", "Kari", "middleName", "Marie", "surname", "Nordmann"));
		assertThat(text(built, "name")).isEqualTo("Kari Marie Nordmann");

		JsonNode one = create(aPerson().named("Ola"));
		assertThat(List.of(text(one, "firstName"), text(one, "middleName"), text(one, "surname")))
			.containsExactly("Ola", "", "");
		JsonNode two = create(aPerson().named("Ola Nordmann"));
		assertThat(List.of(text(two, "firstName"), text(two, "surname"))).containsExactly("Ola", "Nordmann");
		JsonNode more = create(aPerson().named("Anne Lise Berg Hansen"));
		assertThat(List.of(text(more, "firstName"), text(more, "middleName"), text(more, "surname")))
			.containsExactly("Anne Lise", "Berg", "Hansen");

		JsonNode renamed = patched("/api/v1/contacts/" + no(two), "surname", "Hansen");
		assertThat(text(renamed, "name")).isEqualTo("Ola Hansen");
	}

	@Test
	void aPersonsCompanyMustBeACompanyContact() {
		JsonNode lonely = create(aPerson().named("Per Person"));

		Api.Response refused = admin().post("/api/v1/contacts",
				Map.of("type", "PERSON", "name", "Kari", "companyNo", no(lonely)));
		assertProblem(refused, 422, "COMPANY_CONTACT_REQUIRED");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("companyNo");
		assertProblem(admin().post("/api/v1/contacts", Map.of("type", "PERSON", "name", "Kari", "companyNo", "NOPE")),
				422, "COMPANY_CONTACT_REQUIRED");
	}

	@Test
	void aPersonShowsItsCompanysNameAndFollowsItsRenaming() {
		JsonNode company = create(aCompany().named("Gammelt Navn AS"));
		JsonNode person = create(aPerson().named("Kari Nordmann").workingFor(no(company)));
		assertThat(text(person, "companyName")).isEqualTo("Gammelt Navn AS");

		patched("/api/v1/contacts/" + no(company), "name", "Nytt Navn AS");

		assertThat(text(read("/api/v1/contacts/" + no(person)), "companyName")).isEqualTo("Nytt Navn AS");
	}

	@Test
	void textsAreCheckedNeverCut() {
		Api.Response response = admin().post("/api/v1/contacts", Map.of("name", "x".repeat(101), "phoneNo", "ring meg",
				"email", "ikke en adresse", "city", "c".repeat(31)));

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"phoneNo", "email", "city");
	}

	/** A name of only spaces is no name, for a company, a person and an edit alike. */
	@Test
	void aBlankNameIsRefusedOnTheNameField() {
		for (String type : List.of("COMPANY", "PERSON")) {
			Api.Response refused = admin().post("/api/v1/contacts", Map.of("type", type, "name", "   "));

			assertProblem(refused, 422, "VALIDATION_FAILED");
			assertThat(refused.json().get("errors").findValuesAsString("field")).as(type).containsExactly("name");
		}
		JsonNode company = create(aCompany().named("Har Navn AS"));
		Api.Response edited = patch("/api/v1/contacts/" + no(company), "name", "  ");
		assertProblem(edited, 422, "VALIDATION_FAILED");
		assertThat(text(read("/api/v1/contacts/" + no(company)), "name")).isEqualTo("Har Navn AS");
	}

	@Test
	void readOnlyFieldsAreRefused() {
		assertProblem(admin().post("/api/v1/contacts", Map.of("name", "X AS", "contactBusinessRelation", "CUSTOMER")),
				400, "MALFORMED_REQUEST");
		JsonNode company = create(aCompany().named("Les AS"));
		assertProblem(admin().ifMatch(1).patch("/api/v1/contacts/" + no(company), Map.of("companyName", "x")), 400,
				"MALFORMED_REQUEST");
		assertProblem(admin().ifMatch(1).patch("/api/v1/contacts/" + no(company), Map.of("no", "X")), 400,
				"MALFORMED_REQUEST");
	}

	@Test
	void vatNumbersAreStoredUpperCase() {
		assertThat(
				text(create(aCompany().named("Moms AS").withVatRegistrationNo("no123456785mva")), "vatRegistrationNo"))
			.isEqualTo("NO123456785MVA");
	}

	@Test
	void aPostCodeFillsCityAndCountyWhenTheyAreEmpty() {
		JsonNode contact = create(aCompany().named("Bergen Vent AS").withPostCode("5003"));

		assertThat(text(contact, "city")).isEqualTo("Bergen");
		assertThat(text(contact, "county")).isEqualTo("Vestland");
		assertThat(text(create(aCompany().named("Egen By AS").withPostCode("5003").inCity("Fana")), "city"))
			.isEqualTo("Fana");
	}

	@Test
	void patchNeedsTheCurrentVersion() {
		JsonNode contact = create(aCompany().named("Versjon AS"));

		assertProblem(admin().patch("/api/v1/contacts/" + no(contact), Map.of("city", "Oslo")), 428,
				"PRECONDITION_REQUIRED");
		assertProblem(admin().ifMatch(9).patch("/api/v1/contacts/" + no(contact), Map.of("city", "Oslo")), 412,
				"VERSION_CONFLICT");
		assertThat(text(read("/api/v1/contacts/" + no(contact)), "city")).isEmpty();
	}

	@Test
	void ifMatchComparesEntityTagsStrongly() {
		JsonNode contact = create(aCompany().named("Sterk AS"));
		String path = "/api/v1/contacts/" + no(contact);

		assertProblem(admin().header("If-Match", "W/\"1\"").patch(path, Map.of("city", "Oslo")), 412,
				"VERSION_CONFLICT");
		assertProblem(admin().header("If-Match", "1").patch(path, Map.of("city", "Oslo")), 400, "MALFORMED_REQUEST");
		assertThat(text(read(path), "city")).isEmpty();
		assertThat(admin().header("If-Match", "\"7\", \"1\"").patch(path, Map.of("city", "Oslo")).status())
			.isEqualTo(200);
	}

	@Test
	void searchIgnoresCaseAndAccentsAndReadsAaAsTheLetterAa() {
		String tag = unique().toLowerCase();
		JsonNode bjorn = create(aPerson().named("Bjørn Ås " + tag));
		JsonNode city = create(aCompany().named("Firma " + tag).inCity("Ås"));

		assertThat(search("bjorn " + tag)).contains(no(bjorn));
		assertThat(search("BJØRN")).contains(no(bjorn));
		assertThat(search("aas " + tag)).contains(no(bjorn));
		assertThat(search("firma " + tag)).containsExactly(no(city));
		assertThat(search(tag)).containsExactlyInAnyOrder(no(bjorn), no(city));
		assertThat(search("100%_" + tag)).isEmpty();
	}

	@Test
	void searchCanUseItsTrigramIndex() {
		String plan = transaction.execute(status -> {
			// Whether the planner may use the index for the search predicate; which plan
			// it chooses at a million rows is measured by the benchmark (quality P3).
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			jdbc.sql("SET LOCAL enable_indexscan = off").update();
			return String
				.join("\n",
						jdbc.sql("EXPLAIN SELECT * FROM contact WHERE search_text LIKE"
								+ " '%' || search_key('bjorn') || '%' ORDER BY no LIMIT 51")
							.query(String.class)
							.list());
		});

		assertThat(plan).contains("contact_search");
	}

	@Test
	void listsFilterByTypeCompanyAndBusinessRelationAndPageByNumber() {
		JsonNode company = create(aCompany().named("Filter AS"));
		JsonNode one = create(aPerson().named("En Person").workingFor(no(company)));
		JsonNode two = create(aPerson().named("To Person").workingFor(no(company)));

		Api.Response people = admin().get("/api/v1/contacts?companyNo=" + no(company) + "&type=PERSON&limit=1");
		assertThat(people.json().get("items").findValuesAsString("no")).containsExactly(no(one));
		String next = people.json().get("next").asString();
		assertThat(admin().get("/api/v1/contacts?companyNo=" + no(company) + "&type=PERSON&limit=1&cursor=" + next)
			.json()
			.get("items")
			.findValuesAsString("no")).containsExactly(no(two));
		assertThat(admin().get("/api/v1/contacts?businessRelation=NONE&limit=1000")
			.json()
			.get("items")
			.findValuesAsString("no")).contains(no(company));
		assertProblem(admin().get("/api/v1/contacts?type=ROBOT"), 422, "VALIDATION_FAILED");
		assertProblem(admin().get("/api/v1/contacts?businessRelation=FRIEND"), 422, "VALIDATION_FAILED");
	}

	@Test
	void aNumberGivenByHandNeedsASeriesThatAllowsIt() {
		assertProblem(admin().post("/api/v1/contacts", Map.of("no", "EGEN1", "name", "Egen AS")), 422,
				"MANUAL_NOS_NOT_ALLOWED");
	}

	@Test
	void aCompanyWithPeopleCannotBecomeAPerson() {
		JsonNode company = create(aCompany().named("Folk AS"));
		create(aPerson().named("Ansatt Person").workingFor(no(company)));

		assertProblem(patch("/api/v1/contacts/" + no(company), "type", "PERSON"), 422, "COMPANY_CONTACT_REQUIRED");
	}

	@Test
	void rolesOfContacts() {
		JsonNode contact = create(aCompany().named("Roller AS"));
		for (String role : List.of("SALES", "PURCHASING")) {
			Api user = userWithRole(role);
			Api.Response created = user.post("/api/v1/contacts", Map.of("name", role + " AS"));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
		for (String role : List.of("FINANCE", "VIEWER")) {
			Api user = userWithRole(role);
			assertThat(user.get("/api/v1/contacts/" + no(contact)).status()).isEqualTo(200);
			assertProblem(user.post("/api/v1/contacts", Map.of("name", "Nei AS")), 403, "FORBIDDEN");
			assertProblem(user.ifMatch(1).patch("/api/v1/contacts/" + no(contact), Map.of("city", "x")), 403,
					"FORBIDDEN");
		}
		assertProblem(anonymous().get("/api/v1/contacts"), 401, "UNAUTHORIZED");
	}

	private List<String> search(String query) {
		Api.Response found = admin()
			.get("/api/v1/contacts?limit=1000&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		return found.json().get("items").findValuesAsString("no");
	}

}
