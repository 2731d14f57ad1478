package io.contactsync.exchange;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.Telephone;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aPerson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts as vCard 4.0 through the API, read back with a vCard library and checked field
 * by field against the contact's JSON.
 */
class VcardExportApiTest extends DemoCompanyApiTest {

	private static final String VCARD = "text/vcard";

	@Test
	void aPersonIsACardWithItsCompanyAsOrganisation() {
		String word = unique();
		JsonNode company = create(aCompany().named("Čáhppesjávri Reindrift " + word + " AS")
			.atAddress("Bjørkeveien 1")
			.with("address2", "Postboks 7")
			.withPostCode("0150")
			.inCity("Oslo")
			.with("county", "Oslo")
			.with("countryRegionCode", "NO")
			.withPhone("+47 22 33 44 55"));
		JsonNode person = create(aPerson().named("Åse Marie Øvrebø")
			.workingFor(no(company))
			.with("jobTitle", "Daglig leder")
			.with("mobilePhoneNo", "+47 999 88 777")
			.with("faxNo", "22 33 44 56")
			.withEmail("ase@reindrift.no; post@reindrift.no")
			.with("homePage", "https://reindrift.example"));
		person = read("/api/v1/contacts/" + no(person));

		HttpResponse<byte[]> answer = admin().header("Accept", VCARD).download("/api/v1/contacts/" + no(person));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/vcard;charset=UTF-8");
		assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
			.contains("filename=\"" + no(person) + ".vcf\"");
		List<VCard> cards = Ezvcard.parse(new String(answer.body(), StandardCharsets.UTF_8)).all();
		assertThat(cards).hasSize(1);
		VCard card = cards.get(0);
		assertThat(card.getVersion()).isEqualTo(VCardVersion.V4_0);
		assertThat(card.getUid().getValue()).isEqualTo("urn:contactsync:contact:" + no(person));
		assertThat(card.getKind().isIndividual()).isTrue();
		assertThat(card.getFormattedName().getValue()).isEqualTo("Åse Marie Øvrebø");
		assertThat(card.getStructuredName().getFamily()).isEqualTo(text(person, "surname")).isEqualTo("Øvrebø");
		assertThat(card.getStructuredName().getGiven()).isEqualTo(text(person, "firstName")).isEqualTo("Åse");
		assertThat(card.getStructuredName().getAdditionalNames()).containsExactly(text(person, "middleName"));
		assertThat(card.getOrganization().getValues()).containsExactly("Čáhppesjávri Reindrift " + word + " AS");
		assertThat(card.getTitles()).singleElement()
			.satisfies(title -> assertThat(title.getValue()).isEqualTo("Daglig leder"));

		assertThat(card.getAddresses()).hasSize(1);
		Address address = card.getAddresses().get(0);
		assertThat(address.getStreetAddresses()).containsExactly(text(person, "address"), text(person, "address2"));
		assertThat(address.getStreetAddresses()).containsExactly("Bjørkeveien 1", "Postboks 7");
		assertThat(address.getLocality()).isEqualTo(text(person, "city"));
		assertThat(address.getPostalCode()).isEqualTo(text(person, "postCode")).isEqualTo("0150");
		assertThat(address.getRegion()).isEqualTo(text(person, "county"));
		assertThat(address.getCountry()).isEqualTo(text(person, "countryRegionCode")).isEqualTo("NO");

		assertThat(card.getTelephoneNumbers()).extracting(Telephone::getText)
			.containsExactly(text(person, "phoneNo"), "+47 999 88 777", "22 33 44 56");
		assertThat(card.getTelephoneNumbers().get(0).getTypes()).contains(TelephoneType.WORK, TelephoneType.VOICE);
		assertThat(card.getTelephoneNumbers().get(1).getTypes()).containsExactly(TelephoneType.CELL);
		assertThat(card.getTelephoneNumbers().get(2).getTypes()).containsExactly(TelephoneType.FAX);
		assertThat(card.getEmails()).extracting(Email::getValue)
			.containsExactly("ase@reindrift.no", "post@reindrift.no");
		assertThat(card.getUrls()).singleElement()
			.satisfies(url -> assertThat(url.getValue()).isEqualTo("https://reindrift.example"));
		assertThat(card.getRevision().getValue())
			.isEqualTo(Instant.parse(text(person, "lastModifiedAt")).truncatedTo(ChronoUnit.SECONDS));
	}

	@Test
	void theListIsOneFileOfCardsWithItsFilters() {
		String word = unique();
		JsonNode company = create(aCompany().named("Fjellbekk " + word + " AS").inCity("Čáhppesjávri"));
		JsonNode person = create(aPerson().named("Nils Áslak Gaup " + word).workingFor(no(company)));
		create(aPerson().named("Ikke Med " + word));
		String filter = "/api/v1/contacts?limit=1&q=" + word + "&companyNo=";

		List<VCard> all = cards("/api/v1/contacts?limit=1&q=" + word);
		List<VCard> ofCompany = cards(filter + no(company));

		assertThat(all).hasSize(3);
		assertThat(ofCompany).as("the company and its person, as the JSON list filters them")
			.extracting(card -> card.getUid().getValue())
			.containsExactly("urn:contactsync:contact:" + no(company), "urn:contactsync:contact:" + no(person));
		VCard companyCard = all.stream()
			.filter(card -> card.getUid().getValue().endsWith(":" + no(company)))
			.findFirst()
			.orElseThrow();
		assertThat(companyCard.getKind().isOrg()).isTrue();
		assertThat(companyCard.getOrganization().getValues()).containsExactly("Fjellbekk " + word + " AS");
		assertThat(companyCard.getStructuredName()).isNull();
		assertThat(companyCard.getAddresses().get(0).getLocality()).isEqualTo("Čáhppesjávri");
		VCard alone = all.stream()
			.filter(card -> card.getFormattedName().getValue().startsWith("Ikke Med"))
			.findFirst()
			.orElseThrow();
		assertThat(alone.getOrganization()).as("a person of no company has no ORG").isNull();
	}

	@Test
	void aClientThatAcceptsJsonAndVcardsAlikeGetsJson() {
		JsonNode company = create(aCompany().named("Begge Deler AS"));
		Api.Response json = admin().header("Accept", "application/json, text/vcard, application/problem+json")
			.get("/api/v1/contacts/" + no(company));
		assertThat(json.contentType()).startsWith("application/json");
		assertThat(json.json().get("no").asString()).isEqualTo(no(company));
		Api.Response card = admin().header("Accept", "text/vcard, application/json;q=0.5")
			.get("/api/v1/contacts/" + no(company));
		assertThat(card.contentType()).startsWith("text/vcard");
	}

	@Test
	void anUnknownContactIsAProblemNotAnEmptyCard() {
		assertProblem(admin().header("Accept", VCARD).get("/api/v1/contacts/NOSUCH" + unique()), 404, "NOT_FOUND");
	}

	private List<VCard> cards(String path) {
		HttpResponse<byte[]> answer = admin().header("Accept", VCARD).download(path);
		assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		String text = new String(answer.body(), StandardCharsets.UTF_8);
		assertThat(Arrays.stream(text.split("\r\n")).filter(line -> line.equals("VERSION:4.0")).count())
			.as("every card is vCard 4.0")
			.isEqualTo(Ezvcard.parse(text).all().size());
		return Ezvcard.parse(text).all();
	}

}
