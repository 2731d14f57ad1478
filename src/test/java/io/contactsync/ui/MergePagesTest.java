package io.contactsync.ui;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging from the duplicates panel, and a person's roles on its card, as the pages show
 * them in both languages (docs/merge.md; docs/rules.md, "Roles at other companies").
 */
class MergePagesTest extends DemoCompanyApiTest {

	private WebSession signedIn(String language) {
		WebSession session = new WebSession(port).signIn("admin", ADMIN_PASSWORD);
		session.get("/contacts?lang=" + language);
		return session;
	}

	@ParameterizedTest
	@CsvSource({ "nb, Slå sammen kontakter, Slå sammen …, Angre sammenslåingen",
			"en, Merge contacts, Merge …, Undo the merge" })
	void theDuplicatesPanelLeadsToThePreviewTheMergeAndItsUndo(String language, String title, String button,
			String undo) {
		String tag = unique();
		String first = no(company("Tvilling" + tag + " Ventilasjon AS", "postCode", "8006", "city", "Bodø"));
		String second = no(
				company("Tvilling" + tag + " Ventilasjon A/S", "postCode", "8006", "phoneNo", "+47 75 00 00 00"));
		WebSession session = signedIn(language);

		assertThat(session.get("/contacts?q=Tvilling" + tag).body()).contains("id=\"merge-selected\"",
				"name=\"nos\" form=\"merge-selected\"", "value=\"" + second + "\"");
		String card = session.get("/contacts/" + first).body();
		assertThat(card).contains(button).contains("/contacts/merge?nos=" + first + "&amp;nos=" + second);
		assertThat(card).as("the card's roles at companies leave the signed-in user's roles, and so the menu, alone")
			.contains("href=\"/setup\"", "href=\"/bank-accounts\"");

		HttpResponse<String> preview = session
			.get("/contacts/merge?nos=" + first + "&nos=" + second + "&survivor=" + first);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains(title, "id=\"merge-fields\"", "+47 75 00 00 00", "id=\"merge-confirm\"");

		Map<String, String> form = new HashMap<>(Map.of("nos", first, "survivor", first, "field.phoneNo", second));
		HttpResponse<String> merged = session.post("/contacts/merge?nos=" + second, form);
		assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
		assertThat(merged.headers().firstValue("Location").orElse("")).endsWith("/contacts/" + first);
		String survivor = session.get("/contacts/" + first).body();
		assertThat(survivor).contains(undo, "+47 75 00 00 00");
		assertThat(text(read("/api/v1/contacts/" + first), "phoneNo")).isEqualTo("+47 75 00 00 00");
		assertProblem(admin().get("/api/v1/contacts/" + second), 404, "MERGED");
		HttpResponse<String> gone = session.get("/contacts/" + second);
		assertThat(gone.statusCode()).as("a person following a link is led to the survivor").isEqualTo(302);
		assertThat(gone.headers().firstValue("Location").orElse("")).endsWith("/contacts/" + first);

		String undoPath = survivor.replaceAll("(?s).*action=\"(/contacts/merges/\\d+/undo)\".*", "$1");
		HttpResponse<String> undone = session.post(undoPath, Map.of());
		assertThat(undone.statusCode()).isEqualTo(302);
		assertThat(read("/api/v1/contacts/" + second).get("no").asString()).isEqualTo(second);
	}

	@Test
	void aPersonsCardShowsItsRolesAndEndsOneKeepingIt() {
		String tag = unique();
		String own = no(company("Egen" + tag + " AS"));
		String other = no(company("Styre" + tag + " AS"));
		String person = no(person("Kari " + tag, own));
		WebSession session = signedIn("en");

		HttpResponse<String> added = session.post("/contacts/" + person + "/roles",
				Map.of("companyNo", other, "jobTitle", "Board chair", "startingDate", "2025-01-01"));
		assertThat(added.statusCode()).isEqualTo(302);
		String card = session.get("/contacts/" + person).body();
		assertThat(card).contains("Roles at other companies", "Styre" + tag + " AS", "Board chair");
		assertThat(session.get("/contacts/" + other).body()).contains("Roles of people from other companies",
				"Kari " + tag);

		long id = read("/api/v1/contacts/" + person + "/roles").get(0).get("id").asLong();
		assertThat(session.post("/contacts/" + person + "/roles/" + id + "/end", Map.of("version", "1")).statusCode())
			.isEqualTo(302);
		assertThat(session.get("/contacts/" + person).body()).contains("Ended", "Board chair");
		assertThat(read("/api/v1/contacts/" + person + "/roles").get(0).get("current").asBoolean()).isFalse();

		HttpResponse<String> refused = session.post("/contacts/" + person + "/roles", Map.of("companyNo", own));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(read("/api/v1/contacts/" + person + "/roles").size()).as("its own company is no role").isEqualTo(1);
	}

}
