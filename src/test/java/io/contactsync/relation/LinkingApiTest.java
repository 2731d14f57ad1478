package io.contactsync.relation;

import java.util.Map;
import java.util.function.Supplier;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.NewRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aBankAccount;
import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aCustomer;
import static io.contactsync.support.NewRecord.aPerson;
import static io.contactsync.support.NewRecord.aPersonCustomer;
import static io.contactsync.support.NewRecord.aVendor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three ways to link (docs/rules.md, "Linking"), plain relations, and docs/rules.md,
 * "Business relation summary"'s summary.
 */
class LinkingApiTest extends DemoCompanyApiTest {

	// docs/rules.md, "Create contacts from records", automatically

	@Test
	void creatingACustomerCreatesItsContactInTheSameTransaction() {
		JsonNode customer = create(
				aCustomer().named("Havblikk AS").withPhone("+47 55 00 11 22").inCity("Bergen").soldBy("KH"));

		String contactNo = text(customer, "contactNo");
		assertThat(contactNo).as("the customer answers with its new contact").matches("KT\\d{6}");
		JsonNode contact = read("/api/v1/contacts/" + contactNo);
		assertThat(text(contact, "type")).isEqualTo("COMPANY");
		assertThat(text(contact, "name")).isEqualTo("Havblikk AS");
		assertThat(text(contact, "phoneNo")).isEqualTo("+47 55 00 11 22");
		assertThat(text(contact, "salespersonCode")).isEqualTo("KH");
		assertThat(text(contact, "contactBusinessRelation")).isEqualTo("CUSTOMER");
		assertThat(
				admin().get("/api/v1/change-log?recordType=CONTACT&no=" + contactNo + "&limit=100").json().get("items"))
			.filteredOn(entry -> entry.get("field").asString().equals("contactBusinessRelation"))
			.extracting(entry -> entry.get("newValue").asString())
			.as("the contact is created showing its relation")
			.containsExactly("CUSTOMER");
		assertThat(text(contact, "languageCode")).as("no marketing defaults for contacts made from records").isNull();
		JsonNode stored = read("/api/v1/customers/" + no(customer));
		assertThat(stored.get("primaryContactNo").isNull())
			.as("a company customer made by hand has no primary contact, as in the ERP")
			.isTrue();
		assertThat(stored.get("version").asLong()).as("one write, one version").isEqualTo(1);
		assertThat(customer).as("the answer to the creation is the record as stored").isEqualTo(stored);
	}

	@Test
	void aPersonCustomerGetsAPersonContactAsItsPrimaryContact() {
		JsonNode customer = create(aPersonCustomer().named("Ola Privat"));

		JsonNode contact = read("/api/v1/contacts/" + text(customer, "contactNo"));
		assertThat(text(contact, "type")).isEqualTo("PERSON");
		assertThat(text(contact, "surname")).isEqualTo("Privat");
		JsonNode stored = read("/api/v1/customers/" + no(customer));
		assertThat(text(stored, "primaryContactNo")).isEqualTo(no(contact));
		assertThat(stored.get("version").asLong()).as("created with its contact in one write").isEqualTo(1);
		assertThat(customer).as("the answer shows what the sync wrote to the new record").isEqualTo(stored);
	}

	@Test
	void aNameTypedIntoACompanyCustomerMadeByHandBecomesItsPrimaryPerson() {
		JsonNode customer = create(aCustomer().named("Skrevet AS"));

		JsonNode typed = patched("/api/v1/customers/" + no(customer), "contact", "Siri Skriver");

		JsonNode person = read("/api/v1/contacts/" + text(typed, "primaryContactNo"));
		assertThat(text(person, "name")).isEqualTo("Siri Skriver");
		assertThat(text(person, "companyNo")).isEqualTo(text(customer, "contactNo"));
		assertThat(typed.get("version").asLong()).as("one PATCH, one version").isEqualTo(2);
	}

	@Test
	void aContactCreatedFromAVendorTakesItsPurchaserAsSalesperson() {
		JsonNode vendor = create(aVendor().named("Stål og Rør AS").boughtFromBy("PB"));

		assertThat(text(read("/api/v1/contacts/" + text(vendor, "contactNo")), "salespersonCode")).isEqualTo("PB");
	}

	@Test
	void aContactCreatedFromABankAccountIsACompanyWithTheBanksDetails() {
		JsonNode bank = create(aBankAccount().named("Sparebanken Vest").withIban("NO9386011117947").inCity("Bergen"));

		JsonNode contact = read("/api/v1/contacts/" + text(bank, "contactNo"));
		assertThat(text(contact, "type")).isEqualTo("COMPANY");
		assertThat(text(contact, "city")).isEqualTo("Bergen");
		assertThat(text(contact, "contactBusinessRelation")).isEqualTo("BANK_ACCOUNT");
	}

	@Test
	void aCustomerWithAContactNameGetsThatPersonAsPrimaryContact() {
		JsonNode customer = create(aCustomer().named("Kontaktperson AS").withContactPerson("Kari Nordmann"));

		JsonNode read = read("/api/v1/customers/" + no(customer));
		JsonNode person = read("/api/v1/contacts/" + text(read, "primaryContactNo"));
		assertThat(text(person, "type")).isEqualTo("PERSON");
		assertThat(text(person, "name")).isEqualTo("Kari Nordmann");
		assertThat(text(person, "companyNo")).isEqualTo(text(read, "contactNo"));
		assertThat(text(read, "contact")).isEqualTo("Kari Nordmann");
	}

	@Test
	void withoutAContactNumberSeriesNoCustomerIsCreated() {
		setMarketing("contactNos", null);
		try {
			String name = "Uten Serie " + unique();
			Api.Response refused = admin().post("/api/v1/customers", Map.of("name", name));
			assertProblem(refused, 422, "NUMBER_SERIES_MISSING");
			assertThat(admin().get("/api/v1/customers?q=" + name.replace(" ", "+") + "&limit=10")
				.json()
				.get("items")
				.size()).isZero();
		}
		finally {
			setMarketing("contactNos", "KONTAKT");
		}
	}

	@Test
	void withTheSyncSwitchedOffARecordGetsNoContact() {
		setMarketing("businessRelationCodeForVendors", null);
		try {
			assertThat(create(aVendor().named("Usynket AS")).get("contactNo").isNull()).isTrue();
		}
		finally {
			setMarketing("businessRelationCodeForVendors", "LEV");
		}
	}

	// docs/rules.md, "Link a contact with an existing record", with an existing record

	@Test
	void linkingWithAnExistingCustomerCopiesTheContactsValuesByDefault() {
		JsonNode customer = unlinked(aCustomer().named("Gammel Kunde AS").inCity("Hamar"));
		JsonNode contact = create(aCompany().named("Ny Kontakt AS").inCity("Drammen").withPhone("32 00 00 00"));

		Api.Response link = admin().post("/api/v1/contacts/" + no(contact) + "/link",
				Map.of("linkToTable", "CUSTOMER", "no", no(customer)));

		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		assertThat(link.json().get("linkedNo").asString()).isEqualTo(no(customer));
		assertThat(link.json().get("businessRelationCode").asString()).isEqualTo("KUNDE");
		JsonNode linked = read("/api/v1/customers/" + no(customer));
		assertThat(text(linked, "name")).isEqualTo("Ny Kontakt AS");
		assertThat(text(linked, "city")).isEqualTo("Drammen");
		assertThat(text(linked, "contactNo")).isEqualTo(no(contact));
		assertThat(linked.get("version").asLong()).as("the link is one write of the customer")
			.isEqualTo(read("/api/v1/customers/" + no(customer)).get("version").asLong())
			.isEqualTo(customer.get("version").asLong() + 1);
		assertThat(read("/api/v1/contacts/" + no(contact)).get("version").asLong())
			.as("and one of the contact, whose business relation it sets")
			.isEqualTo(contact.get("version").asLong() + 1);
	}

	@Test
	void linkingWithTheLinkedRecordAsMasterCopiesItsValuesToTheContactAndOn() {
		JsonNode contact = create(aCompany().named("Kontakt Først AS").inCity("Drammen"));
		JsonNode vendor = unlinked("businessRelationCodeForVendors", "LEV",
				() -> create(aVendor().named("Leverandør Først AS")));
		Api.Response linkVendor = admin().post("/api/v1/contacts/" + no(contact) + "/link",
				Map.of("linkToTable", "VENDOR", "no", no(vendor)));
		assertThat(linkVendor.status()).as(linkVendor.toString()).isEqualTo(201);
		JsonNode customer = unlinked(aCustomer().named("Kunde Vinner AS").inCity("Hamar"));

		Api.Response link = admin().post("/api/v1/contacts/" + no(contact) + "/link",
				Map.of("linkToTable", "CUSTOMER", "no", no(customer), "currentMasterFields", "LINKED_RECORD"));

		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		assertThat(text(read("/api/v1/contacts/" + no(contact)), "city")).isEqualTo("Hamar");
		assertThat(text(read("/api/v1/contacts/" + no(contact)), "name")).isEqualTo("Kunde Vinner AS");
		assertThat(text(read("/api/v1/vendors/" + no(vendor)), "city")).as("and from the contact to its other links")
			.isEqualTo("Hamar");
	}

	@Test
	void aContactWithALinkOfThatTypeCannotBeLinkedAgain() {
		JsonNode customer = create(aCustomer().named("Lenket AS"));
		JsonNode other = unlinked(aCustomer().named("Annen AS"));

		assertProblem(admin().post("/api/v1/contacts/" + text(customer, "contactNo") + "/link",
				Map.of("linkToTable", "CUSTOMER", "no", no(other))), 422, "CONTACT_ALREADY_LINKED");
	}

	@Test
	void aRecordWithAContactCannotBeLinkedToAnother() {
		JsonNode customer = create(aCustomer().named("Opptatt AS"));
		JsonNode contact = create(aCompany().named("Ledig AS"));

		assertProblem(admin().post("/api/v1/contacts/" + no(contact) + "/link",
				Map.of("linkToTable", "CUSTOMER", "no", no(customer))), 422, "RECORD_ALREADY_LINKED");
	}

	@Test
	void linkingNeedsTheSetupCodeOfThatType() {
		setMarketing("businessRelationCodeForBankAccounts", null);
		try {
			JsonNode contact = create(aCompany().named("Uten Kode AS"));
			assertProblem(admin().post("/api/v1/contacts/" + no(contact) + "/create-bank-account", Map.of()), 422,
					"BUSINESS_RELATION_CODE_MISSING");
		}
		finally {
			setMarketing("businessRelationCodeForBankAccounts", "BANK");
		}
	}

	@Test
	void aPersonOfACompanyLinksOnBehalfOfItsCompany() {
		JsonNode company = create(aCompany().named("Arbeidsgiver AS"));
		JsonNode person = create(aPerson().named("Ansatt Andersen").workingFor(no(company)));
		JsonNode customer = unlinked(aCustomer().named("Via Person AS"));

		Api.Response link = admin().post("/api/v1/contacts/" + no(person) + "/link",
				Map.of("linkToTable", "CUSTOMER", "no", no(customer)));

		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		assertThat(link.json().get("contactNo").asString()).isEqualTo(no(company));
		assertThat(text(read("/api/v1/contacts/" + no(person)), "contactBusinessRelation")).isEqualTo("CUSTOMER");
	}

	// docs/rules.md, "Create a record from a contact", a record from a contact

	@Test
	void aCustomerCreatedFromAContactTakesItsValuesAndTheSingleTemplateOfItsType() {
		String name = "Privat Person " + unique();
		JsonNode person = create(aPerson().named(name).inCity("Tromsø").withEmail("privat@example.no"));

		Api.Response created = admin().post("/api/v1/contacts/" + no(person) + "/create-customer", Map.of());

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode customer = created.json();
		assertThat(text(customer, "name")).isEqualTo(name);
		assertThat(text(customer, "city")).isEqualTo("Tromsø");
		assertThat(text(customer, "contactType")).isEqualTo("PERSON");
		assertThat(text(customer, "customerPostingGroup")).as("from template PRIVAT").isEqualTo("PRIVAT");
		assertThat(customer.get("pricesIncludingVat").asBoolean()).isTrue();
		assertThat(text(customer, "contactNo")).isEqualTo(no(person));
		assertThat(admin().get("/api/v1/contacts?q=" + name.replace(" ", "+") + "&limit=10").json().get("items").size())
			.as("no second contact")
			.isEqualTo(1);
	}

	@Test
	void severalTemplatesOfTheContactsTypeNeedAChoice() {
		JsonNode company = create(aCompany().named("Valg AS"));

		Api.Response refused = admin().post("/api/v1/contacts/" + no(company) + "/create-customer", Map.of());
		assertProblem(refused, 422, "TEMPLATE_REQUIRED");
		assertThat(refused.json().get("detail").asString()).contains("BEDRIFT", "EKSPORT");

		Api.Response created = admin().post("/api/v1/contacts/" + no(company) + "/create-customer",
				Map.of("customerTemplateCode", "EKSPORT"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(text(created.json(), "currencyCode")).isEqualTo("EUR");
		assertThat(text(created.json(), "languageCode")).as("the contact's own value wins").isEqualTo("NOR");
	}

	@Test
	void aTemplateOfTheOtherContactTypeIsRefused() {
		JsonNode company = create(aCompany().named("Feil Mal AS"));

		assertProblem(admin().post("/api/v1/contacts/" + no(company) + "/create-customer",
				Map.of("customerTemplateCode", "PRIVAT")), 422, "VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/contacts/" + no(company) + "/create-customer",
				Map.of("customerTemplateCode", "NOSUCH")), 422, "UNKNOWN_CODE");
	}

	@Test
	void aPersonWithoutACompanyMayBeACustomerButNotAVendorOrBank() {
		JsonNode person = create(aPerson().named("Frittstående Person"));

		assertProblem(admin().post("/api/v1/contacts/" + no(person) + "/create-vendor", Map.of()), 422,
				"COMPANY_CONTACT_REQUIRED");
		assertProblem(admin().post("/api/v1/contacts/" + no(person) + "/create-bank-account", Map.of()), 422,
				"COMPANY_CONTACT_REQUIRED");
	}

	@Test
	void aPersonOfACompanyCreatesForItsCompanyAndBecomesThePrimaryContact() {
		JsonNode company = create(aCompany().named("Firma Med Folk AS"));
		JsonNode person = create(aPerson().named("Innkjøper Iversen").workingFor(no(company)));

		Api.Response created = admin().post("/api/v1/contacts/" + no(person) + "/create-vendor", Map.of());

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(text(created.json(), "name")).isEqualTo("Firma Med Folk AS");
		assertThat(text(created.json(), "contactNo")).isEqualTo(no(company));
		assertThat(text(created.json(), "primaryContactNo")).isEqualTo(no(person));
		assertThat(text(created.json(), "contact")).isEqualTo("Innkjøper Iversen");
		assertThat(text(created.json(), "vendorPostingGroup")).as("the only vendor template").isEqualTo("INNLAND");
	}

	@Test
	void creatingASecondRecordOfATypeIsRefused() {
		JsonNode company = create(aCompany().named("To Ganger AS"));
		assertThat(admin().post("/api/v1/contacts/" + no(company) + "/create-bank-account", Map.of()).status())
			.isEqualTo(201);

		assertProblem(admin().post("/api/v1/contacts/" + no(company) + "/create-bank-account", Map.of()), 422,
				"CONTACT_ALREADY_LINKED");
	}

	@Test
	void aCodeReservedForLinksIsNotAPlainRelation() {
		JsonNode company = create(aCompany().named("Reservert AS"));

		Api.Response refused = admin().post("/api/v1/contacts/" + no(company) + "/business-relations",
				Map.of("businessRelationCode", "KUNDE"));

		assertProblem(refused, 422, "VALIDATION_FAILED");
		assertThat(refused.json().get("detail").asString()).contains("KUNDE is used when a contact is linked");
		assertProblem(admin().post("/api/v1/contacts/" + no(company) + "/business-relations",
				Map.of("businessRelationCode", "NOSUCH")), 422, "UNKNOWN_CODE");
	}

	@Test
	void removingALinkKeepsBothRecords() {
		JsonNode customer = create(aCustomer().named("Skilles AS"));
		String contactNo = text(customer, "contactNo");

		assertThat(admin().delete("/api/v1/contacts/" + contactNo + "/business-relations/KUNDE").status())
			.isEqualTo(204);

		assertThat(read("/api/v1/customers/" + no(customer)).get("contactNo").isNull()).isTrue();
		assertThat(text(read("/api/v1/contacts/" + contactNo), "contactBusinessRelation")).isEqualTo("NONE");
	}

	@Test
	void whoMayLinkWhat() {
		JsonNode contact = create(aCompany().named("Tilgang AS"));
		Api purchasing = userWithRole("PURCHASING");

		assertProblem(purchasing.post("/api/v1/contacts/" + no(contact) + "/create-customer",
				Map.of("customerTemplateCode", "BEDRIFT")), 403, "FORBIDDEN");
		assertProblem(purchasing.post("/api/v1/contacts/" + no(contact) + "/link",
				Map.of("linkToTable", "BANK_ACCOUNT", "no", "B010")), 403, "FORBIDDEN");
		assertThat(purchasing.post("/api/v1/contacts/" + no(contact) + "/create-vendor", Map.of()).status())
			.isEqualTo(201);
		assertProblem(userWithRole("VIEWER").get("/api/v1/bank-accounts"), 403, "FORBIDDEN");
		assertThat(userWithRole("FINANCE").get("/api/v1/bank-accounts").status()).isEqualTo(200);
	}

	/** A customer without a contact: created with the sync for customers switched off. */
	/** A customer made while the sync of customers is off, so it has no contact. */
	private JsonNode unlinked(NewRecord customer) {
		return unlinked("businessRelationCodeForCustomers", "KUNDE", () -> create(customer));
	}

	private JsonNode unlinked(String setupField, String code, Supplier<JsonNode> create) {
		setMarketing(setupField, null);
		try {
			return create.get();
		}
		finally {
			setMarketing(setupField, code);
		}
	}

}
