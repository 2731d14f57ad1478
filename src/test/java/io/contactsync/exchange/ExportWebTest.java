package io.contactsync.exchange;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.support.NewRecord.aCompany;
import static io.contactsync.support.NewRecord.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export buttons of the web pages: links that keep the list's search and filters,
 * files in the page's language, the contact card's vCard, and the roles of the pages.
 */
class ExportWebTest extends DemoCompanyApiTest {

	@Test
	void theContactListsButtonsExportWhatTheListShows() {
		String word = unique();
		create(aCompany().named("Fjellbekk Reindrift AS").inCity("Čáhppesjávri " + word).withPhone("+47 22 33 44 55"));
		WebSession admin = new WebSession(port).signIn("admin", ADMIN_PASSWORD);

		String page = admin.get("/contacts?type=COMPANY&q=" + word).body();
		assertThat(page)
			.contains("href=\"/contacts/export?format=csv&amp;q=" + word + "&amp;type=COMPANY&amp;relation=\"")
			.contains("/contacts/export?format=xlsx&amp;q=" + word)
			.contains("/contacts/export?format=vcf&amp;q=" + word);

		HttpResponse<String> csv = admin.get("/contacts/export?format=csv&q=" + word + "&type=COMPANY&relation=");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("contacts.csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).as("Norwegian: UTF-8 with BOM and ;").startsWith("\uFEFFno;type;name;");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).contains(";Fjellbekk Reindrift AS;")
			.contains(";'+47 22 33 44 55;")
			.contains("Čáhppesjávri " + word);

		admin.get("/contacts?lang=en");
		String english = admin.get("/contacts/export?format=csv&q=" + word).body();
		assertThat(english).as("English: ,").startsWith("\uFEFFno,type,name,");
		admin.get("/contacts?lang=nb");
	}

	@Test
	void theRecordListsExportTheirSearch() {
		String word = unique();
		create(aCustomer().named("Havblikk Sjømat AS").inCity(word));
		create(aCustomer().named("Annen Kunde AS").inCity("Bergen"));
		WebSession admin = new WebSession(port).signIn("admin", ADMIN_PASSWORD);

		assertThat(admin.get("/customers?q=" + word).body()).contains("/customers/export?format=xlsx&amp;q=" + word);
		HttpResponse<String> csv = admin.get("/customers/export?format=csv&q=" + word);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body().lines()).hasSize(2);
		assertThat(csv.body()).contains("Havblikk Sjømat AS").doesNotContain("Annen Kunde AS");
		assertThat(admin.get("/customers/export?format=vcf").statusCode()).as("no vCards of customers").isEqualTo(404);
	}

	@Test
	void theCardsVcardButtonGivesTheContactsCard() {
		JsonNode company = create(aCompany().named("Áltá Fjellstue AS").inCity("Alta"));
		WebSession admin = new WebSession(port).signIn("admin", ADMIN_PASSWORD);

		assertThat(admin.get("/contacts/" + no(company)).body())
			.contains("href=\"/contacts/" + no(company) + "/vcard\"");
		HttpResponse<String> vcard = admin.get("/contacts/" + no(company) + "/vcard");
		assertThat(vcard.statusCode()).isEqualTo(200);
		assertThat(vcard.headers().firstValue("Content-Type").orElse("")).startsWith("text/vcard");
		VCard card = Ezvcard.parse(vcard.body()).first();
		assertThat(card.getUid().getValue()).isEqualTo("urn:contactsync:contact:" + no(company));
		assertThat(card.getFormattedName().getValue()).isEqualTo("Áltá Fjellstue AS");
	}

	@Test
	void whoMayNotSeeBankAccountsMayNotExportThem() {
		String username = "viewer-" + unique().toLowerCase();
		String password = "password-" + username;
		Api.Response created = admin().post("/api/v1/users",
				Map.of("username", username, "password", password, "roles", List.of("VIEWER")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		WebSession viewer = new WebSession(port).signIn(username, password);

		assertThat(viewer.get("/bank-accounts/export?format=csv").statusCode()).isEqualTo(403);
		assertThat(viewer.get("/bank-accounts/export?format=xlsx").statusCode()).isEqualTo(403);
		assertThat(viewer.get("/customers/export?format=csv").statusCode()).isEqualTo(200);
		assertThat(new WebSession(port).get("/contacts/export?format=csv").statusCode()).as("nobody: to the login")
			.isEqualTo(302);
	}

}
