package io.contactsync.contact;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Person contacts inherit from their company (docs/rules.md, "Person inheritance"). */
class PersonInheritanceApiTest extends DemoCompanyApiTest {

	private JsonNode fullCompany(String name) {
		return company(name, "address", "Kongens gate 1", "postCode", "7010", "city", "Trondheim", "phoneNo",
				"73 00 00 00", "email", "post@firma.no", "salespersonCode", "OF", "territoryCode", "MIDT",
				"languageCode", "NOR");
	}

	@Test
	void aPersonAttachedToACompanyTakesItsCodesAddressAndCommunication() {
		JsonNode company = fullCompany("Arv AS");

		JsonNode person = person("Per Arving", no(company));

		assertThat(text(person, "salespersonCode")).isEqualTo("OF");
		assertThat(text(person, "territoryCode")).isEqualTo("MIDT");
		assertThat(text(person, "address")).isEqualTo("Kongens gate 1");
		assertThat(text(person, "city")).isEqualTo("Trondheim");
		assertThat(text(person, "phoneNo")).isEqualTo("73 00 00 00");
		assertThat(text(person, "email")).isEqualTo("post@firma.no");
	}

	@Test
	void aPersonsOwnAddressAndCommunicationStay() {
		JsonNode company = fullCompany("Egen AS");

		JsonNode person = person("Eva Egen", no(company), "address", "Hjemmeveien 2", "city", "Hamar", "email",
				"eva@privat.no");

		assertThat(text(person, "address")).isEqualTo("Hjemmeveien 2");
		assertThat(text(person, "city")).isEqualTo("Hamar");
		assertThat(text(person, "email")).isEqualTo("eva@privat.no");
		assertThat(text(person, "phoneNo")).as("blank, so inherited").isEqualTo("73 00 00 00");
	}

	@Test
	void aCompanysChangeReachesPeopleWhoStillHadItsOldValue() {
		JsonNode company = fullCompany("Flytter AS");
		JsonNode follower = person("Følger Fredriksen", no(company));
		JsonNode own = person("Egen Eriksen", no(company), "phoneNo", "90 00 00 00");

		patched("/api/v1/contacts/" + no(company), "phoneNo", "73 11 11 11", "address", "Nye gate 5", "territoryCode",
				"NORD");

		JsonNode followed = read("/api/v1/contacts/" + no(follower));
		assertThat(text(followed, "phoneNo")).isEqualTo("73 11 11 11");
		assertThat(text(followed, "address")).isEqualTo("Nye gate 5");
		assertThat(text(followed, "territoryCode")).isEqualTo("NORD");
		assertThat(text(read("/api/v1/contacts/" + no(own)), "phoneNo")).as("set by the person")
			.isEqualTo("90 00 00 00");
	}

	@Test
	void movingToAnotherCompanyTakesTheNewCompanysDetailsWhereTheOldOnesWere() {
		JsonNode old = fullCompany("Gammel Arbeidsgiver AS");
		JsonNode next = company("Ny Arbeidsgiver AS", "address", "Bryggen 3", "city", "Bergen", "phoneNo",
				"55 00 00 00", "salespersonCode", "KH");
		JsonNode person = person("Bytter Bakke", no(old), "email", "bytter@privat.no");

		JsonNode moved = patched("/api/v1/contacts/" + no(person), "companyNo", no(next));

		assertThat(text(moved, "companyName")).isEqualTo("Ny Arbeidsgiver AS");
		assertThat(text(moved, "address")).isEqualTo("Bryggen 3");
		assertThat(text(moved, "phoneNo")).isEqualTo("55 00 00 00");
		assertThat(text(moved, "salespersonCode")).isEqualTo("KH");
		assertThat(text(moved, "email")).as("the person's own").isEqualTo("bytter@privat.no");
	}

}
