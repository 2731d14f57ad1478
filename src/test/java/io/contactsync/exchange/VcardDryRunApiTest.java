package io.contactsync.exchange;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Kind;
import ezvcard.property.StructuredName;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aPerson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run of a vCard import: per card create, update (old → new), unchanged or error,
 * and nothing written; an export sent back changes nothing.
 */
class VcardDryRunApiTest extends DemoCompanyApiTest {

	private static final String PATH = "/api/v1/contacts/import/dry-run";

	@Test
	void anExportSentBackChangesNothing() {
		String word = unique();
		JsonNode company = create(aCompany().named("Čáhppesjávri Reindrift AS")
			.inCity("Kautokeino " + word)
			.atAddress("Bjørkeveien 1")
			.withPhone("+47 22 33 44 55")
			.withEmail("post@reindrift.no;salg@reindrift.no"));
		create(aPerson().named("Åse Marie Øvrebø")
			.workingFor(no(company))
			.with("jobTitle", "Daglig leder")
			.with("mobilePhoneNo", "+47 999 88 777"));

		JsonNode answer = dryRun(vcards("/api/v1/contacts?q=" + word));

		assertThat(answer.get("cards").asInt()).isEqualTo(2);
		assertThat(answer.get("counts").get("UNCHANGED").asInt()).as(answer.toString()).isEqualTo(2);
		for (JsonNode result : answer.get("results")) {
			assertThat(result.get("action").asString()).isEqualTo("UNCHANGED");
			assertThat(result.get("changes")).isEmpty();
		}
	}

	@Test
	void eachCardSaysWhatItWouldDoAndNothingIsWritten() {
		String word = unique();
		JsonNode company = create(
				aCompany().named("Fjellbekk " + word + " AS").inCity("Alta").withPhone("78 00 00 00"));
		long version = company.get("version").asLong();
		List<VCard> cards = new ArrayList<>(Ezvcard.parse(vcards("/api/v1/contacts/" + no(company))).all());
		cards.get(0).getTelephoneNumbers().get(0).setText("+47 78 11 22 33");
		cards.get(0).getAddresses().get(0).setLocality("Čáhppesjávri");
		VCard newPerson = new VCard();
		newPerson.setKind(Kind.individual());
		newPerson.setFormattedName("Ánne Ravna " + word);
		StructuredName name = new StructuredName();
		name.setGiven("Ánne");
		name.setFamily("Ravna " + word);
		newPerson.setStructuredName(name);
		newPerson.addTelephoneNumber("+47 911 22 333", TelephoneType.CELL);
		cards.add(newPerson);
		VCard broken = new VCard();
		broken.setFormattedName("Feil Epost " + word + " AS");
		broken.addEmail("not an e-mail address");
		cards.add(broken);
		VCard unknownUid = new VCard();
		unknownUid.setUid(new ezvcard.property.Uid("urn:contactsync:contact:ZZ" + word));
		unknownUid.setFormattedName("Ukjent " + word + " AS");
		cards.add(unknownUid);

		JsonNode answer = dryRun(Ezvcard.write(cards).version(VCardVersion.V4_0).go());

		assertThat(answer.get("cards").asInt()).isEqualTo(4);
		assertThat(answer.get("counts").toString())
			.isEqualTo("{\"CREATE\":2,\"UPDATE\":1,\"UNCHANGED\":0,\"ERROR\":1}");
		JsonNode update = answer.get("results").get(0);
		assertThat(update.get("card").asInt()).isEqualTo(1);
		assertThat(update.get("action").asString()).isEqualTo("UPDATE");
		assertThat(update.get("no").asString()).isEqualTo(no(company));
		assertThat(changes(update)).containsEntry("phoneNo", List.of("78 00 00 00", "+47 78 11 22 33"))
			.containsEntry("city", List.of("Alta", "Čáhppesjávri"));
		JsonNode create = answer.get("results").get(1);
		assertThat(create.get("action").asString()).isEqualTo("CREATE");
		assertThat(create.get("no").isNull()).isTrue();
		assertThat(changes(create)).containsEntry("type", java.util.Arrays.asList(null, "PERSON"))
			.containsEntry("mobilePhoneNo", java.util.Arrays.asList(null, "+47 911 22 333"))
			.containsEntry("firstName", java.util.Arrays.asList(null, "Ánne"));
		JsonNode error = answer.get("results").get(2);
		assertThat(error.get("action").asString()).isEqualTo("ERROR");
		assertThat(error.get("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(error.get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(answer.get("results").get(3).get("action").asString()).as("a UID of no contact of ours creates")
			.isEqualTo("CREATE");

		JsonNode after = read("/api/v1/contacts/" + no(company));
		assertThat(after.get("version").asLong()).as("nothing written").isEqualTo(version);
		assertThat(after.get("phoneNo").asString()).isEqualTo("78 00 00 00");
		assertThat(admin().get("/api/v1/contacts?q=" + word).json().get("items")).as("nothing created").hasSize(1);
	}

	@Test
	void onlyThoseWhoMayWriteContactsMayAsk() {
		Api viewer = userWithRole("VIEWER");
		String card = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Noen\r\nEND:VCARD\r\n";
		assertProblem(viewer.header("Content-Type", "text/vcard").post(PATH, card), 403, "FORBIDDEN");
		assertProblem(admin().post(PATH, Map.of("not", "a vcard")), 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	private JsonNode dryRun(String vcf) {
		Api.Response answer = admin().header("Content-Type", "text/vcard; charset=utf-8").post(PATH, vcf);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json();
	}

	private String vcards(String path) {
		HttpResponse<byte[]> answer = admin().header("Accept", "text/vcard").download(path);
		assertThat(answer.statusCode()).isEqualTo(200);
		return new String(answer.body(), StandardCharsets.UTF_8);
	}

	/** The changes of a result, by field: [old, new]. */
	private static Map<String, List<String>> changes(JsonNode result) {
		Map<String, List<String>> changes = new java.util.HashMap<>();
		for (JsonNode change : result.get("changes")) {
			changes.put(change.get("field").asString(),
					java.util.Arrays.asList(text(change, "old"), text(change, "value")));
		}
		return changes;
	}

}
