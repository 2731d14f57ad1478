package io.contactsync.integration.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Test;

import static io.contactsync.support.NewRecord.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook pages as an administrator uses them, without a browser: a new endpoint
 * shows its secret once, the delivery log lists what the receiver got, an attempt is
 * delivered again and a replay set, and an endpoint the system disabled says so and why.
 */
class WebhookPagesTest extends DemoCompanyApiTest {

	private static final Pattern CARD = Pattern.compile("/setup/webhooks/(\\d+)$");

	private WebSession signedInAdmin() {
		return new WebSession(port).signIn("admin", ADMIN_PASSWORD);
	}

	private static long created(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		Matcher card = CARD.matcher(answer.headers().firstValue("Location").orElse(""));
		assertThat(card.find()).as(answer.headers().toString()).isTrue();
		return Long.parseLong(card.group(1));
	}

	@Test
	void aNewWebhookShowsItsSecretOnceAndItsDeliveries() throws Exception {
		try (LoopbackReceiver receiver = new LoopbackReceiver()) {
			WebSession browser = signedInAdmin();
			assertThat(browser.get("/setup").body()).contains("id=\"setup-webhooks\"");

			long id = created(browser.post("/setup/webhooks",
					Map.of("url", receiver.url(), "recordTypes", "CONTACT", "description", "Sider " + unique())));
			try {
				String first = browser.get("/setup/webhooks/" + id).body();
				assertThat(first).contains("id=\"webhook-secret\"").containsPattern("whsec_[A-Za-z0-9+/=]{40,}");
				assertThat(browser.get("/setup/webhooks/" + id).body()).doesNotContain("whsec_");
				assertThat(browser.get("/setup/webhooks").body()).contains("id=\"webhook-" + id + "\"");

				String no = create(aCompany().named("Sidene " + unique() + " AS")).get("no").asString();
				String eventId = receiver.awaitAbout(no, found -> !found.isEmpty()).get(0).id();
				String card = awaitPage(browser, "/setup/webhooks/" + id, "data-status=\"DELIVERED\"");
				assertThat(card).contains(eventId);
				Matcher delivery = Pattern.compile("id=\"delivery-(\\d+)\"").matcher(card);
				assertThat(delivery.find()).isTrue();

				HttpResponse<String> redelivered = browser
					.post("/setup/webhooks/" + id + "/deliveries/" + delivery.group(1) + "/redeliver", Map.of());
				assertThat(redelivered.statusCode()).isEqualTo(302);
				assertThat(receiver.about(no)).hasSize(2);
				assertThat(browser.get("/setup/webhooks/" + id).body()).contains("Levert på nytt");

				assertThat(browser.post("/setup/webhooks/" + id + "/replay", Map.of("after", "x")).statusCode())
					.isEqualTo(302);
				assertThat(browser.get("/setup/webhooks/" + id).body()).contains("id=\"problem\"");
			}
			finally {
				admin().header("If-Match", "*").delete("/api/v1/webhooks/" + id);
			}
		}
	}

	@Test
	void aWebhookTheSystemDisabledSaysSoAndWhy() throws Exception {
		try (LoopbackReceiver receiver = new LoopbackReceiver().alwaysAnswering(503)) {
			Api.Response made = admin().post("/api/v1/webhooks",
					Map.of("url", receiver.url(), "recordTypes", java.util.List.of("CONTACT")));
			long id = made.json().get("id").asLong();
			try {
				create(aCompany().named("Avslått " + unique() + " AS"));
				String card = awaitPage(signedInAdmin(), "/setup/webhooks/" + id, "data-state=\"disabled\"");
				assertThat(card).contains("id=\"webhook-disabled-reason\"").contains("503");
				assertThat(signedInAdmin().get("/setup/webhooks").body()).contains("badge disabled");
			}
			finally {
				admin().header("If-Match", "*").delete("/api/v1/webhooks/" + id);
			}
		}
	}

	@Test
	void onlyAdministratorsOpenTheWebhookPages() {
		String username = "sales-" + unique().toLowerCase();
		Api.Response made = admin().post("/api/v1/users",
				Map.of("username", username, "password", "password-" + username, "roles", java.util.List.of("SALES")));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);

		WebSession sales = new WebSession(port).signIn(username, "password-" + username);

		assertThat(sales.get("/setup/webhooks").statusCode()).isEqualTo(403);
	}

	/** The page, once it holds the text; fails with the page after a while. */
	private static String awaitPage(WebSession browser, String path, String text) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String page = browser.get(path).body();
		while (!page.contains(text) && System.nanoTime() < until) {
			Thread.sleep(50);
			page = browser.get(path).body();
		}
		assertThat(page).contains(text);
		return page;
	}

}
