package io.contactsync.relation;

import java.util.List;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aCustomer;
import static io.contactsync.support.NewRecord.aPerson;
import static io.contactsync.support.NewRecord.aVendor;
import static org.assertj.core.api.Assertions.assertThat;

/** The primary contact of customers and vendors (docs/rules.md, "Primary contact"). */
class PrimaryContactApiTest extends DemoCompanyApiTest {

	@Test
	void choosingAPersonOfTheCompanyShowsItsNameOnly() {
		JsonNode customer = create(aCustomer().named("Primær AS").withPhone("22 00 00 00"));
		JsonNode person = create(
				aPerson().named("Pia Primær").workingFor(text(customer, "contactNo")).withPhone("99 99 99 99"));

		JsonNode chosen = patched("/api/v1/customers/" + no(customer), "primaryContactNo", no(person));

		assertThat(text(chosen, "contact")).isEqualTo("Pia Primær");
		assertThat(text(chosen, "phoneNo")).as("a person's phone is not copied").isEqualTo("22 00 00 00");
	}

	@Test
	void choosingTheCompanyCopiesItsPhoneAndEmail() {
		// With phone and e-mail shared, they agree anyway; unshared, choosing copies
		// them.
		setDirections("NONE");
		try {
			JsonNode vendor = create(aVendor().named("Hoved AS"));
			String company = text(vendor, "contactNo");
			JsonNode person = create(aPerson().named("Per Person").workingFor(company));
			patched("/api/v1/vendors/" + no(vendor), "primaryContactNo", no(person));
			patched("/api/v1/contacts/" + company, "phoneNo", "33 33 33 33", "email", "post@hoved.no");
			assertThat(text(read("/api/v1/vendors/" + no(vendor)), "phoneNo")).isEmpty();

			JsonNode chosen = patched("/api/v1/vendors/" + no(vendor), "primaryContactNo", company);

			assertThat(text(chosen, "contact")).isEqualTo("Hoved AS");
			assertThat(text(chosen, "phoneNo")).isEqualTo("33 33 33 33");
			assertThat(text(chosen, "email")).isEqualTo("post@hoved.no");
		}
		finally {
			setDirections("BOTH");
		}
	}

	private void setDirections(String direction) {
		assertThat(admin().put("/api/v1/setup/sync-fields",
				List.of(Map.of("recordType", "VENDOR", "field", "phoneNo", "direction", direction),
						Map.of("recordType", "VENDOR", "field", "email", "direction", direction)))
			.status()).isEqualTo(200);
	}

	@Test
	void aContactOfAnotherCompanyIsRefused() {
		JsonNode customer = create(aCustomer().named("Min Kunde AS"));
		JsonNode stranger = create(aCompany().named("Fremmed AS"));

		assertProblem(patch("/api/v1/customers/" + no(customer), "primaryContactNo", no(stranger)), 422,
				"VALIDATION_FAILED");
		assertThat(read("/api/v1/customers/" + no(customer)).get("primaryContactNo").isNull()).isTrue();
	}

	@Test
	void typingANameWithNoPrimaryContactCreatesThatPerson() {
		JsonNode customer = create(aCustomer().named("Navngitt AS"));

		JsonNode typed = patched("/api/v1/customers/" + no(customer), "contact", "Nina Ny");

		JsonNode person = read("/api/v1/contacts/" + text(typed, "primaryContactNo"));
		assertThat(text(person, "name")).isEqualTo("Nina Ny");
		assertThat(text(person, "companyNo")).isEqualTo(text(customer, "contactNo"));
		assertThat(text(typed, "contact")).isEqualTo("Nina Ny");
	}

	@Test
	void withAPrimaryContactChosenTheNameIsPlainText() {
		JsonNode customer = create(aCustomer().named("Valgt AS"));
		patched("/api/v1/customers/" + no(customer), "primaryContactNo", text(customer, "contactNo"));

		String name = "Noen Annen " + unique();
		JsonNode typed = patched("/api/v1/customers/" + no(customer), "contact", name);

		assertThat(text(typed, "contact")).isEqualTo(name);
		assertThat(text(typed, "primaryContactNo")).isEqualTo(text(customer, "contactNo"));
		assertThat(contactsNamed(name)).as("no person is made").isZero();
	}

	@Test
	void aCompanysNewNameReachesItsCustomerOnceWhereItIsAlsoThePrimaryContact() {
		JsonNode customer = create(aCustomer().named("Dobbel AS"));
		String company = text(customer, "contactNo");
		long before = patched("/api/v1/customers/" + no(customer), "primaryContactNo", company).get("version").asLong();

		patched("/api/v1/contacts/" + company, "name", "Dobbel Ny AS");

		JsonNode after = read("/api/v1/customers/" + no(customer));
		assertThat(text(after, "name")).isEqualTo("Dobbel Ny AS");
		assertThat(text(after, "contact")).isEqualTo("Dobbel Ny AS");
		assertThat(after.get("version").asLong()).as("name and contact in one carried write").isEqualTo(before + 1);

		JsonNode renamed = patched("/api/v1/customers/" + no(customer), "name", "Dobbel Tredje AS");
		assertThat(renamed.get("version").asLong())
			.as("the name goes to the contact and back as the primary contact's name: still one write")
			.isEqualTo(before + 2);
		assertThat(text(renamed, "contact")).isEqualTo("Dobbel Tredje AS");
	}

	private long contactsNamed(String name) {
		return admin().get("/api/v1/contacts?q=" + name.replace(" ", "+")).json().get("items").size();
	}

	@Test
	void deletingThePrimaryContactClearsBothFields() {
		JsonNode customer = create(aCustomer().named("Tømmes AS"));
		JsonNode person = create(aPerson().named("Borte Bø").workingFor(text(customer, "contactNo")));
		patched("/api/v1/customers/" + no(customer), "primaryContactNo", no(person));

		admin().ifMatch(read("/api/v1/contacts/" + no(person)).get("version").asLong())
			.delete("/api/v1/contacts/" + no(person));

		JsonNode cleared = read("/api/v1/customers/" + no(customer));
		assertThat(cleared.get("primaryContactNo").isNull()).isTrue();
		assertThat(text(cleared, "contact")).isEmpty();
	}

	@Test
	void unknownKeysOfTheRequestAreRefused() {
		JsonNode customer = create(aCustomer().named("Streng AS"));
		assertProblem(admin().ifMatch(1).patch("/api/v1/customers/" + no(customer), Map.of("contactNo", "X")), 400,
				"MALFORMED_REQUEST");
	}

}
