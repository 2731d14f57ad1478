package io.contactsync.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's roles at other companies (docs/rules.md, "Roles at other companies"). */
class RoleApiTest extends DemoCompanyApiTest {

	private static List<String> nos(JsonNode page) {
		List<String> nos = new java.util.ArrayList<>();
		page.get("items").forEach(item -> nos.add(item.get("no").asString()));
		return nos;
	}

	@Test
	void aRoleShowsThePersonUnderTheOtherCompanyAndEndingItKeepsItInHistory() {
		String tag = unique();
		String own = no(company("Eget " + tag + " AS"));
		String other = no(company("Styre " + tag + " AS"));
		String person = no(person("Kari " + tag, own));

		Api.Response added = admin().post("/api/v1/contacts/" + person + "/roles",
				Map.of("companyNo", other.toLowerCase(), "jobTitle", "Styreleder", "startingDate", "2025-01-01",
						"phoneNo", "+47 22 33 44 55", "email", "kari@styre.no"));

		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		JsonNode role = added.json();
		assertThat(text(role, "companyNo")).isEqualTo(other);
		assertThat(text(role, "companyName")).isEqualTo("Styre " + tag + " AS");
		assertThat(role.get("current").asBoolean()).isTrue();
		assertThat(added.header("ETag")).hasValue("\"1\"");
		assertThat(nos(read("/api/v1/contacts?companyNo=" + other))).doesNotContain(person);
		assertThat(nos(read("/api/v1/contacts?companyNo=" + other + "&includeRoles=true"))).contains(person);
		assertThat(nos(read("/api/v1/contacts?companyNo=" + own + "&includeRoles=true"))).contains(person);

		String path = "/api/v1/contacts/" + person + "/roles/" + role.get("id").asLong();
		String yesterday = LocalDate.now().minusDays(1).toString();
		Api.Response ended = admin().ifMatch(1).patch(path, Map.of("endingDate", yesterday));

		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().get("version").asLong()).isEqualTo(2);
		assertThat(ended.json().get("current").asBoolean()).isFalse();
		JsonNode roles = read("/api/v1/contacts/" + person + "/roles");
		assertThat(roles.size()).as("an ended role stays, as history").isEqualTo(1);
		assertThat(text(roles.get(0), "endingDate")).isEqualTo(yesterday);
		assertThat(nos(read("/api/v1/contacts?companyNo=" + other + "&includeRoles=true"))).doesNotContain(person);
		JsonNode log = admin().get("/api/v1/change-log?recordType=CONTACT&no=" + person).json().get("items");
		assertThat(log.toString()).contains("roles." + role.get("id").asLong() + ".endingDate",
				"roles." + role.get("id").asLong() + ".companyNo");
		assertThat(read("/api/v1/contacts/" + person).get("version").asLong())
			.as("a role has its own version; the person's stays")
			.isEqualTo(1);
	}

	@Test
	void aRoleIsAPersonsAtAnotherCompanyWithCheckedValues() {
		String tag = unique();
		String own = no(company("Sjekk " + tag + " AS"));
		String other = no(company("Annet " + tag + " AS"));
		String person = no(person("Ola " + tag, own));
		String roles = "/api/v1/contacts/" + person + "/roles";

		assertProblem(admin().post("/api/v1/contacts/" + own + "/roles", Map.of("companyNo", other)), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post(roles, Map.of("companyNo", own)), 422, "VALIDATION_FAILED");
		assertProblem(admin().post(roles, Map.of("companyNo", person)), 422, "COMPANY_CONTACT_REQUIRED");
		assertProblem(admin().post(roles, Map.of("jobTitle", "Uten bedrift")), 422, "VALIDATION_FAILED");
		Api.Response backwards = admin().post(roles,
				Map.of("companyNo", other, "startingDate", "2026-05-01", "endingDate", "2026-04-01"));
		assertProblem(backwards, 422, "VALIDATION_FAILED");
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("endingDate");
		Api.Response email = admin().post(roles, Map.of("companyNo", other, "email", "ola at annet"));
		assertProblem(email, 422, "VALIDATION_FAILED");
		assertThat(email.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertProblem(admin().post(roles, Map.of("companyNo", other, "startingDate", "i går")), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post(roles, Map.of("companyNo", other, "planet", "Mars")), 400, "MALFORMED_REQUEST");
		assertThat(read(roles).size()).as("nothing written").isZero();

		long id = create(roles, Map.of("companyNo", other)).get("id").asLong();
		assertProblem(admin().patch(roles + "/" + id, Map.of("jobTitle", "Rådgiver")), 428, "PRECONDITION_REQUIRED");
		assertProblem(admin().ifMatch(7).patch(roles + "/" + id, Map.of("jobTitle", "Rådgiver")), 412,
				"VERSION_CONFLICT");
		assertProblem(admin().get(roles + "/987654321"), 404, "NOT_FOUND");
		assertProblem(userWithRole("VIEWER").post(roles, Map.of("companyNo", other)), 403, "FORBIDDEN");
	}

	@Test
	void aDocumentForAPersonAtTheCompanyOfItsRoleTakesThatCompanysCustomer() {
		String tag = unique();
		JsonNode customer = customer("Kunde " + tag + " AS");
		String person = no(person("Rolf " + tag, no(company("Arbeid " + tag + " AS"))));
		Map<String, Object> quote = Map.of("sellToContactNo", person, "sellToCustomerNo", no(customer));

		assertProblem(admin().post("/api/v1/sales-quotes", quote), 422, "VALIDATION_FAILED");
		long role = create("/api/v1/contacts/" + person + "/roles", Map.of("companyNo", text(customer, "contactNo")))
			.get("id")
			.asLong();
		JsonNode made = create("/api/v1/sales-quotes", quote);

		assertThat(text(made, "sellToContactNo")).isEqualTo(person);
		assertThat(text(made, "sellToCustomerNo")).isEqualTo(no(customer));
		admin().ifMatch(1)
			.patch("/api/v1/contacts/" + person + "/roles/" + role, Map.of("endingDate", LocalDate.now().toString()));
		assertProblem(admin().post("/api/v1/sales-quotes", quote), 422, "VALIDATION_FAILED");
	}

	@Test
	void aMergeOfCompaniesMovesTheRolesAtThemAndUndoPutsThemBack() {
		String tag = unique();
		String own = no(company("Hjem " + tag + " AS"));
		String merged = no(company("Dublett " + tag + " AS"));
		String survivor = no(company("Dublett " + tag + " A/S"));
		String person = no(person("Per " + tag, own));
		long id = create("/api/v1/contacts/" + person + "/roles", Map.of("companyNo", merged)).get("id").asLong();

		JsonNode merge = admin()
			.post("/api/v1/contacts/merge", Map.of("contactNos", List.of(survivor, merged), "survivorNo", survivor))
			.json();

		JsonNode role = read("/api/v1/contacts/" + person + "/roles/" + id);
		assertThat(text(role, "companyNo")).isEqualTo(survivor);
		assertThat(role.get("version").asLong()).isEqualTo(2);
		assertThat(admin().post("/api/v1/contacts/merges/" + merge.get("mergeId").asLong() + "/undo", null).status())
			.isEqualTo(200);
		assertThat(text(read("/api/v1/contacts/" + person + "/roles/" + id), "companyNo")).isEqualTo(merged);
	}

}
