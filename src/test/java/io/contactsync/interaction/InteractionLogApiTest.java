package io.contactsync.interaction;

import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interaction log (docs/rules.md, "Interactions") and e-mail to contacts, on the
 * embedded default's outbox.
 */
class InteractionLogApiTest extends DemoCompanyApiTest {

	@Test
	void anInteractionLoggedByHandTakesItsTemplatesDefaults() {
		JsonNode company = company("Samhandling AS", "salespersonCode", "KH");

		Api.Response logged = admin().post("/api/v1/contacts/" + no(company) + "/interactions",
				Map.of("interactionTemplateCode", "telefon", "description", "Ringte om tilbudet"));

		assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
		JsonNode entry = logged.json();
		assertThat(text(entry, "contactNo")).isEqualTo(no(company));
		assertThat(text(entry, "interactionTemplateCode")).isEqualTo("TELEFON");
		assertThat(text(entry, "description")).isEqualTo("Ringte om tilbudet");
		assertThat(text(entry, "informationFlow")).isEqualTo("OUTBOUND");
		assertThat(text(entry, "initiatedBy")).isEqualTo("US");
		assertThat(entry.get("durationMin").decimalValue()).isEqualByComparingTo("5");
		assertThat(text(entry, "salespersonCode")).isEqualTo("KH");
		assertThat(text(entry, "userId")).isEqualTo("admin");
		assertThat(entry.get("canceled").asBoolean()).isFalse();
		assertThat(
				admin().get("/api/v1/contacts/" + no(company) + "/interactions").json().get(0).get("entryNo").asLong())
			.isEqualTo(entry.get("entryNo").asLong());
	}

	@Test
	void anInteractionByHandNeedsAKnownTemplateAndSaneValues() {
		JsonNode company = company("Feil Samhandling AS");
		String path = "/api/v1/contacts/" + no(company) + "/interactions";

		assertProblem(admin().post(path, Map.of("description", "x")), 422, "VALIDATION_FAILED");
		assertProblem(admin().post(path, Map.of("interactionTemplateCode", "NOSUCH")), 422, "UNKNOWN_CODE");
		assertProblem(admin().post(path, Map.of("interactionTemplateCode", "TELEFON", "costLcy", -5)), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post(path, Map.of("interactionTemplateCode", "TELEFON", "date", "i går")), 400,
				"MALFORMED_REQUEST");
		// A date is text: Jackson alone would log [] for today and [y, m, d] as that day.
		for (Object notText : List.of(List.of(), List.of(2026, 12, 24), 20811)) {
			Api.Response refused = admin().post(path, Map.of("interactionTemplateCode", "TELEFON", "date", notText));
			assertProblem(refused, 400, "MALFORMED_REQUEST");
			assertThat(refused.json().toString()).as(refused.toString()).contains("\"date\"");
		}
		assertThat(admin().get("/api/v1/interaction-log-entries?contactNo=" + no(company)).json().get("items"))
			.as("nothing logged")
			.isEmpty();
		assertProblem(
				admin().post("/api/v1/contacts/NOSUCH/interactions", Map.of("interactionTemplateCode", "TELEFON")), 404,
				"NOT_FOUND");
	}

	@Test
	void aCanceledEntryStaysMarkedAsCanceled() {
		JsonNode company = company("Avlyst AS");
		long entryNo = admin()
			.post("/api/v1/contacts/" + no(company) + "/interactions", Map.of("interactionTemplateCode", "MOTE"))
			.json()
			.get("entryNo")
			.asLong();

		Api.Response canceled = admin().post("/api/v1/interaction-log-entries/" + entryNo + "/cancel", null);

		assertThat(canceled.status()).isEqualTo(200);
		assertThat(canceled.json().get("canceled").asBoolean()).isTrue();
		assertThat(admin().get("/api/v1/interaction-log-entries?contactNo=" + no(company))
			.json()
			.get("items")
			.get(0)
			.get("canceled")
			.asBoolean()).isTrue();
	}

	@Test
	void anEmailToAContactGoesToTheOutboxAndIsLogged() {
		JsonNode company = company("Epost AS", "email", "post@epost-as.no");

		Api.Response sent = admin().post("/api/v1/contacts/" + no(company) + "/emails",
				Map.of("subject", "Velkommen som kunde", "body", "Hei!"));

		assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
		JsonNode message = admin().get("/api/v1/outbox").json().get("items").get(0);
		assertThat(text(message, "recipient")).isEqualTo("post@epost-as.no");
		assertThat(text(message, "subject")).isEqualTo("Velkommen som kunde");
		assertThat(text(message, "status")).as("waits for an SMTP server").isEqualTo("PENDING");
		JsonNode entry = admin().get("/api/v1/contacts/" + no(company) + "/interactions").json().get(0);
		assertThat(text(entry, "interactionTemplateCode")).isEqualTo("E-POST");
		assertThat(text(entry, "documentType")).isEqualTo("EMAIL");
		assertThat(text(entry, "description")).isEqualTo("Velkommen som kunde");
	}

	@Test
	void aContactWithoutAnEmailAddressCannotBeMailed() {
		JsonNode company = company("Uten Epost AS");

		assertProblem(admin().post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", "Hei")), 422,
				"CONTACT_EMAIL_MISSING");
		Api.Response halfACharacter = admin().post("/api/v1/contacts/" + no(company) + "/emails",
				"{\"subject\": \"Hei\", \"body\": \"Halv \\ud800\"}");
		assertProblem(halfACharacter, 422, "VALIDATION_FAILED");
		assertThat(halfACharacter.json().get("errors").findValuesAsString("field")).containsExactly("body");
		assertThat(admin().get("/api/v1/contacts/" + no(company) + "/interactions").json().size()).isZero();
	}

	@Test
	void withNoTemplateSetUpNothingIsLoggedAndTheMailStillGoes() {
		JsonNode company = company("Ingen Mal AS", "email", "post@ingenmal.no");
		JsonNode setup = read("/api/v1/setup/interaction-templates");
		Map<String, Object> without = Api.JSON.convertValue(setup, Map.class);
		without.remove("EMAIL");
		admin().put("/api/v1/setup/interaction-templates", without);
		try {
			assertThat(admin().post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", "Hei")).status())
				.isEqualTo(202);
			assertThat(admin().get("/api/v1/contacts/" + no(company) + "/interactions").json().size()).isZero();
		}
		finally {
			admin().put("/api/v1/setup/interaction-templates", Api.JSON.convertValue(setup, Map.class));
		}
	}

	@Test
	void entriesOutliveTheirContacts() {
		JsonNode company = company("Varig AS");
		JsonNode person = person("Varig Person", no(company));
		long personsEntry = admin()
			.post("/api/v1/contacts/" + no(person) + "/interactions", Map.of("interactionTemplateCode", "TELEFON"))
			.json()
			.get("entryNo")
			.asLong();

		admin().ifMatch(read("/api/v1/contacts/" + no(person)).get("version").asLong())
			.delete("/api/v1/contacts/" + no(person));
		assertThat(text(admin().get("/api/v1/interaction-log-entries/" + personsEntry).json(), "contactNo"))
			.as("a person's entries move to its company")
			.isEqualTo(no(company));

		admin().ifMatch(read("/api/v1/contacts/" + no(company)).get("version").asLong())
			.delete("/api/v1/contacts/" + no(company));
		JsonNode kept = admin().get("/api/v1/interaction-log-entries/" + personsEntry).json();
		assertThat(kept.get("contactNo").isNull()).isTrue();
		assertThat(text(kept, "contactName")).isEqualTo("Varig Person");
	}

	@Test
	void whoMayLogAndRead() {
		JsonNode company = company("Roller Samhandling AS", "email", "post@roller.no");
		assertProblem(userWithRole("FINANCE").post("/api/v1/contacts/" + no(company) + "/interactions",
				Map.of("interactionTemplateCode", "TELEFON")), 403, "FORBIDDEN");
		assertThat(userWithRole("PURCHASING")
			.post("/api/v1/contacts/" + no(company) + "/interactions", Map.of("interactionTemplateCode", "TELEFON"))
			.status()).isEqualTo(201);
		Api viewer = userWithRole("VIEWER");
		assertThat(viewer.get("/api/v1/interaction-log-entries").status()).isEqualTo(200);
		assertProblem(viewer.post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", "x")), 403,
				"FORBIDDEN");
	}

}
