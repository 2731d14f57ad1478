package io.contactsync.relation;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCustomer;
import static io.contactsync.support.NewRecord.aPerson;
import static org.assertj.core.api.Assertions.assertThat;

/** Synchronization (docs/rules.md, "Synchronisation") through the API. */
class SyncApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	/** A company contact linked to a customer, a vendor and a bank account. */
	private record Linked(String contact, String customer, String vendor, String bank) {
	}

	private Linked linkedToAllThree(String name) {
		JsonNode customer = create(aCustomer().named(name));
		String contact = text(customer, "contactNo");
		JsonNode vendor = create("/api/v1/contacts/" + contact + "/create-vendor", Map.of());
		JsonNode bank = create("/api/v1/contacts/" + contact + "/create-bank-account", Map.of());
		return new Linked(contact, no(customer), no(vendor), no(bank));
	}

	@Test
	void contactPhoneChangeReachesLinkedCustomerVendorAndBankAccount() {
		Linked linked = linkedToAllThree("Telefon AS");

		patched("/api/v1/contacts/" + linked.contact(), "phoneNo", "+47 22 33 44 55");

		assertThat(text(read("/api/v1/customers/" + linked.customer()), "phoneNo")).isEqualTo("+47 22 33 44 55");
		assertThat(text(read("/api/v1/vendors/" + linked.vendor()), "phoneNo")).isEqualTo("+47 22 33 44 55");
		assertThat(text(read("/api/v1/bank-accounts/" + linked.bank()), "phoneNo")).isEqualTo("+47 22 33 44 55");
	}

	@Test
	void aNameTheDatabaseCouldNotStoreAsSentIsRefusedBeforeTheSyncSeesIt() {
		// half a surrogate pair would be stored as '?', and the two sides would never
		// agree
		Linked linked = linkedToAllThree("Surrogat AS");
		String path = "/api/v1/bank-accounts/" + linked.bank();

		Api.Response refused = admin().header("If-Match", "*").patch(path, "{\"name\": \"Ugyldig \\ud800\"}");

		assertProblem(refused, 422, "VALIDATION_FAILED");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(text(read("/api/v1/contacts/" + linked.contact()), "name")).isEqualTo("Surrogat AS");
	}

	@Test
	void valuesThatChangeOnTheWayAreRefusedInsteadOfCarriedRoundForever() {
		// both tables store another city than they are sent, so the two never agree
		String trigger = "CREATE FUNCTION sirkel() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
				+ " IF NEW.city LIKE 'Sirkel%' THEN NEW.city := NEW.city || '!'; END IF; RETURN NEW; END $$";
		jdbc.sql(trigger).update();
		try {
			jdbc.sql("CREATE TRIGGER sirkel BEFORE UPDATE ON contact FOR EACH ROW EXECUTE FUNCTION sirkel()").update();
			jdbc.sql("CREATE TRIGGER sirkel BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION sirkel()").update();
			Linked linked = linkedToAllThree("Sirkel AS");

			Api.Response refused = patch("/api/v1/contacts/" + linked.contact(), "city", "Sirkelby");

			assertProblem(refused, 422, "VALIDATION_FAILED");
			assertThat(refused.json().get("detail").asString()).contains("did not settle");
			assertThat(text(read("/api/v1/customers/" + linked.customer()), "city")).isNotEqualTo("Sirkelby!");
		}
		finally {
			jdbc.sql("DROP FUNCTION sirkel() CASCADE").update();
		}
	}

	/**
	 * The answer to a change is the contact as the change stored it, taken from the write
	 * rather than read again: every field the contact shows, its version and time stamp
	 * to the microsecond, read back alike.
	 */
	@Test
	void theAnswerToASyncedChangeIsTheContactAsStored() {
		Linked linked = linkedToAllThree("Svar Som Lagret AS");
		String path = "/api/v1/contacts/" + linked.contact();

		JsonNode answer = patched(path, "phoneNo", "+47 22 44 66 88", "city", "Hamar");

		assertShowsAsRead(answer, read(path));
		assertThat(text(answer, "phoneNo")).isEqualTo("+47 22 44 66 88");
	}

	/**
	 * A record that stores a value otherwise than it was sent (here the customer's city
	 * upper-cased) sends it back to the contact inside the change: the answer shows the
	 * value the contact got back, not the one the change first wrote, and the contact's
	 * other records get it too, though the first change was still on its way to them.
	 * (The links are carried in the order of their codes, BANK, KUNDE, LEV: the
	 * customer's value comes back before the vendor has had the first change.)
	 */
	@Test
	void theAnswerShowsAValueTheSyncBroughtBack() {
		withCitiesUpperCasedOn("customer", () -> {
			Linked linked = linkedToAllThree("Tilbake AS");
			String path = "/api/v1/contacts/" + linked.contact();

			JsonNode answer = patched(path, "city", "Tilbakeby", "phoneNo", "+47 22 11 00 99");

			assertThat(text(answer, "city")).isEqualTo("TILBAKEBY");
			assertShowsAsRead(answer, read(path));
			for (String record : List.of("/api/v1/customers/" + linked.customer(), "/api/v1/vendors/" + linked.vendor(),
					"/api/v1/bank-accounts/" + linked.bank())) {
				JsonNode stored = read(record);
				assertThat(text(stored, "city")).as(record).isEqualTo("TILBAKEBY");
				assertThat(text(stored, "phoneNo")).as(record).isEqualTo("+47 22 11 00 99");
			}
		});
	}

	/** The same for a change made on the record, which its contact stores otherwise. */
	@Test
	void theAnswerToARecordsChangeShowsAValueTheSyncBroughtBack() {
		withCitiesUpperCasedOn("contact", () -> {
			Linked linked = linkedToAllThree("Tilbake Fra Kunde AS");
			String path = "/api/v1/customers/" + linked.customer();

			JsonNode answer = patched(path, "city", "Tilbakevik");

			assertThat(text(answer, "city")).isEqualTo("TILBAKEVIK");
			assertShowsAsRead(answer, read(path));
			assertThat(text(read("/api/v1/bank-accounts/" + linked.bank()), "city")).isEqualTo("TILBAKEVIK");
		});
	}

	/** Runs the test with a table storing cities that begin "Tilbake" in upper case. */
	private void withCitiesUpperCasedOn(String table, Runnable test) {
		jdbc.sql("CREATE OR REPLACE FUNCTION store_city_upper() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
				+ " IF NEW.city LIKE 'Tilbake%' THEN NEW.city := upper(NEW.city); END IF; RETURN NEW; END $$")
			.update();
		try {
			jdbc.sql("CREATE TRIGGER store_city_upper BEFORE UPDATE ON " + table
					+ " FOR EACH ROW EXECUTE FUNCTION store_city_upper()")
				.update();
			test.run();
		}
		finally {
			jdbc.sql("DROP FUNCTION store_city_upper() CASCADE").update();
		}
	}

	private static void assertShowsAsRead(JsonNode answer, JsonNode read) {
		for (String field : read.propertyNames()) {
			assertThat(answer.get(field)).as(field).isEqualTo(read.get(field));
		}
	}

	@Test
	void lengthsAreCountedInCharactersAsTheDatabaseCountsThem() {
		String sixtyFaces = "\ud83d\ude42".repeat(60);
		JsonNode customer = create(aCustomer().named(sixtyFaces));

		assertThat(text(read("/api/v1/contacts/" + text(customer, "contactNo")), "name")).isEqualTo(sixtyFaces);
	}

	@Test
	void customerChangeReachesItsContactAndThroughItTheVendorAndBankAccount() {
		Linked linked = linkedToAllThree("Adresse AS");

		patched("/api/v1/customers/" + linked.customer(), "address", "Storgata 1", "city", "Hamar");

		assertThat(text(read("/api/v1/contacts/" + linked.contact()), "address")).isEqualTo("Storgata 1");
		assertThat(text(read("/api/v1/vendors/" + linked.vendor()), "city")).isEqualTo("Hamar");
		assertThat(text(read("/api/v1/bank-accounts/" + linked.bank()), "address")).isEqualTo("Storgata 1");
	}

	@Test
	void onlyChangedFieldsTravelAndNothingMovesWhenNothingChanged() {
		Linked linked = linkedToAllThree("Uendret AS");
		long vendorVersion = read("/api/v1/vendors/" + linked.vendor()).get("version").asLong();
		long contactVersion = read("/api/v1/contacts/" + linked.contact()).get("version").asLong();

		patched("/api/v1/customers/" + linked.customer(), "creditLimitLcy", 50000, "paymentTermsCode", "14D");
		patched("/api/v1/contacts/" + linked.contact(), "name", "Uendret AS");

		assertThat(read("/api/v1/contacts/" + linked.contact()).get("version").asLong()).isEqualTo(contactVersion);
		assertThat(read("/api/v1/vendors/" + linked.vendor()).get("version").asLong()).isEqualTo(vendorVersion);
	}

	@Test
	void billingAndPostingDetailsNeverTravel() {
		Linked linked = linkedToAllThree("Fakturering AS");

		patched("/api/v1/customers/" + linked.customer(), "customerPostingGroup", "UTLAND", "blocked", "INVOICE");
		patched("/api/v1/bank-accounts/" + linked.bank(), "iban", "NO9386011117947");

		JsonNode vendor = read("/api/v1/vendors/" + linked.vendor());
		assertThat(text(vendor, "vendorPostingGroup")).as("from its template, untouched").isEqualTo("INNLAND");
		assertThat(text(vendor, "blocked")).isEqualTo("NONE");
		assertThat(read("/api/v1/contacts/" + linked.contact()).has("customerPostingGroup")).isFalse();
	}

	@Test
	void theSalespersonTravelsToCustomersButAVendorsPurchaserStaysItsOwn() {
		Linked linked = linkedToAllThree("Selger AS");

		patched("/api/v1/contacts/" + linked.contact(), "salespersonCode", "OF");
		patched("/api/v1/vendors/" + linked.vendor(), "purchaserCode", "PB");

		assertThat(text(read("/api/v1/customers/" + linked.customer()), "salespersonCode")).isEqualTo("OF");
		assertThat(text(read("/api/v1/contacts/" + linked.contact()), "salespersonCode")).isEqualTo("OF");
	}

	@Test
	void aDirectionChangedInTheMapIsObeyedAtOnce() {
		Linked linked = linkedToAllThree("Retning AS");
		setDirection("VENDOR", "homePage", "CONTACT_TO_RECORD");
		try {
			patched("/api/v1/vendors/" + linked.vendor(), "homePage", "leverandor.example.no");
			assertThat(text(read("/api/v1/contacts/" + linked.contact()), "homePage")).isEmpty();

			patched("/api/v1/contacts/" + linked.contact(), "homePage", "kontakt.example.no");
			assertThat(text(read("/api/v1/vendors/" + linked.vendor()), "homePage")).isEqualTo("kontakt.example.no");
		}
		finally {
			setDirection("VENDOR", "homePage", "BOTH");
		}
	}

	@Test
	void aFieldSetToNoneStaysOnItsSide() {
		Linked linked = linkedToAllThree("Ingen AS");
		setDirection("BANK_ACCOUNT", "email", "NONE");
		try {
			patched("/api/v1/contacts/" + linked.contact(), "email", "post@ingen.no");
			assertThat(text(read("/api/v1/bank-accounts/" + linked.bank()), "email")).isEmpty();
			assertThat(text(read("/api/v1/customers/" + linked.customer()), "email")).isEqualTo("post@ingen.no");
		}
		finally {
			setDirection("BANK_ACCOUNT", "email", "BOTH");
		}
	}

	@Test
	void aPersonsChangeDoesNotTouchItsCompanysRecordsButShowsAsPrimaryContactName() {
		Linked linked = linkedToAllThree("Firma Og Folk AS");
		JsonNode person = create(aPerson().named("Kari Kontakt").workingFor(linked.contact()));
		patched("/api/v1/customers/" + linked.customer(), "primaryContactNo", no(person));

		patched("/api/v1/contacts/" + no(person), "name", "Kari Hansen", "phoneNo", "99 88 77 66");

		JsonNode customer = read("/api/v1/customers/" + linked.customer());
		assertThat(text(customer, "contact")).isEqualTo("Kari Hansen");
		assertThat(text(customer, "phoneNo")).isNotEqualTo("99 88 77 66");
		assertThat(text(customer, "name")).isEqualTo("Firma Og Folk AS");
	}

	@Test
	void aChangeThatFailsOnTheReceivingSideLeavesBothSidesUnchanged() {
		Linked linked = linkedToAllThree("Atomisk AS");
		// A rule only the vendor side has, to make the carried value invalid there.
		jdbc.sql("ALTER TABLE vendor ADD CONSTRAINT test_no_atlantis CHECK (city <> 'Atlantis')").update();
		try {
			Api.Response refused = patch("/api/v1/contacts/" + linked.contact(), "city", "Atlantis", "phoneNo",
					"11 11 11 11");

			assertProblem(refused, 422, "VALIDATION_FAILED");
			assertThat(refused.json().get("detail").asString()).contains("Contact " + linked.contact(),
					"Vendor " + linked.vendor());
			assertThat(text(read("/api/v1/contacts/" + linked.contact()), "city")).isEmpty();
			assertThat(text(read("/api/v1/contacts/" + linked.contact()), "phoneNo")).isEmpty();
			assertThat(text(read("/api/v1/customers/" + linked.customer()), "city")).isEmpty();
			assertThat(text(read("/api/v1/vendors/" + linked.vendor()), "city")).isEmpty();
		}
		finally {
			jdbc.sql("ALTER TABLE vendor DROP CONSTRAINT test_no_atlantis").update();
		}
	}

	@Test
	void carriedChangesAreLoggedAsSyncOnBehalfOfTheUserWithTheirCause() {
		Linked linked = linkedToAllThree("Logg AS");
		Api sales = userWithRole("SALES");
		long version = read("/api/v1/contacts/" + linked.contact()).get("version").asLong();

		assertThat(sales.ifMatch(version)
			.patch("/api/v1/contacts/" + linked.contact(), Map.of("faxNo", "22 00 00 99"))
			.status()).isEqualTo(200);

		JsonNode contactEntries = admin().get("/api/v1/change-log?recordType=CONTACT&no=" + linked.contact())
			.json()
			.get("items");
		JsonNode cause = contactEntries.get(0);
		assertThat(cause.get("field").asString()).isEqualTo("faxNo");
		assertThat(cause.get("origin").asString()).isEqualTo("API");
		assertThat(cause.get("causedBy").isNull()).isTrue();
		for (String[] record : List.of(new String[] { "CUSTOMER", linked.customer() },
				new String[] { "BANK_ACCOUNT", linked.bank() })) {
			JsonNode carried = admin().get("/api/v1/change-log?recordType=" + record[0] + "&no=" + record[1])
				.json()
				.get("items")
				.get(0);
			assertThat(carried.get("field").asString()).isEqualTo("faxNo");
			assertThat(carried.get("newValue").asString()).isEqualTo("22 00 00 99");
			assertThat(carried.get("origin").asString()).isEqualTo("SYNC");
			assertThat(carried.get("user").asString()).isEqualTo(cause.get("user").asString());
			assertThat(carried.get("causedBy").asLong()).isEqualTo(cause.get("id").asLong());
		}
		assertThat(
				sales.get("/api/v1/change-log?recordType=BANK_ACCOUNT&no=" + linked.bank()).json().get("items").size())
			.as("who may not read bank accounts does not read their changes")
			.isZero();
	}

	private void setDirection(String recordType, String field, String direction) {
		Api.Response put = admin().put("/api/v1/setup/sync-fields",
				List.of(Map.of("recordType", recordType, "field", field, "direction", direction)));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
	}

}
