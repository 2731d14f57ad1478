package io.contactsync.relation;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aCustomer;
import static io.contactsync.support.NewRecord.aPerson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's relation summary (docs/rules.md, "Business relation summary"): its plain
 * relations and links, and for a person its company's as well.
 */
class RelationSummaryApiTest extends DemoCompanyApiTest {

	@Test
	void plainRelationsClassifyAndTheSummaryFollows() {
		JsonNode company = create(aCompany().named("Advokatfirma AS"));
		JsonNode person = create(aPerson().named("Advokat Person").workingFor(no(company)));

		Api.Response added = admin().post("/api/v1/contacts/" + no(company) + "/business-relations",
				Map.of("businessRelationCode", "advokat"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().get("linkToTable").isNull()).isTrue();
		assertThat(text(read("/api/v1/contacts/" + no(company)), "contactBusinessRelation")).isEqualTo("OTHER");
		assertThat(text(read("/api/v1/contacts/" + no(person)), "contactBusinessRelation"))
			.as("a person counts its company's relations")
			.isEqualTo("OTHER");

		admin().post("/api/v1/contacts/" + no(company) + "/create-bank-account", Map.of());
		assertThat(text(read("/api/v1/contacts/" + no(company)), "contactBusinessRelation")).isEqualTo("MULTIPLE");

		assertThat(admin().delete("/api/v1/contacts/" + no(company) + "/business-relations/ADVOKAT").status())
			.isEqualTo(204);
		assertThat(text(read("/api/v1/contacts/" + no(company)), "contactBusinessRelation")).isEqualTo("BANK_ACCOUNT");
		assertThat(admin().get("/api/v1/contacts/" + no(company) + "/business-relations").json().size()).isEqualTo(1);
	}

	/**
	 * A person made for a linked company shows the company's relations from its creation:
	 * typed in, or named as a customer's contact. Its creation's change-log entry holds
	 * the summary, and nothing changes it afterwards unlogged.
	 */
	@Test
	void aPersonMadeForALinkedCompanyShowsItsRelationFromItsCreation() {
		JsonNode customer = create(aCustomer().named("Arvet Relasjon AS").withContactPerson("Kari Arving"));
		String company = text(customer, "contactNo");
		JsonNode typed = create(aPerson().named("Per Arving").workingFor(company));
		String named = text(read("/api/v1/customers/" + no(customer)), "primaryContactNo");

		assertThat(text(typed, "contactBusinessRelation")).as("the answer to its creation").isEqualTo("CUSTOMER");
		for (String person : List.of(no(typed), named)) {
			JsonNode read = read("/api/v1/contacts/" + person);
			assertThat(text(read, "contactBusinessRelation")).as(person).isEqualTo("CUSTOMER");
			assertThat(admin().get("/api/v1/change-log?recordType=CONTACT&no=" + person + "&limit=100")
				.json()
				.get("items")).filteredOn(entry -> entry.get("field").asString().equals("contactBusinessRelation"))
				.extracting(entry -> entry.get("newValue").asString())
				.as("%s is created showing its company's relation", person)
				.containsExactly("CUSTOMER");
		}
	}

}
