package io.contactsync.security;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser holding the administrator's Basic credentials must not let another site's
 * page write through them; programs, which send no browser headers, and the service's own
 * pages are let through.
 */
class CrossSiteWritesTest extends ApiTest {

	private static final String TOKENS = "/api/v1/users/admin/tokens";

	@Test
	void aWriteAnotherSiteSendsWithTheBrowsersCredentialsIsRefusedAndChangesNothing() {
		int before = tokenCount();

		Api.Response crossSite = adminWithPassword().header("Sec-Fetch-Site", "cross-site").post(TOKENS, null);
		Api.Response sameSite = adminWithPassword().header("Sec-Fetch-Site", "same-site").post(TOKENS, null);
		Api.Response foreignOrigin = adminWithPassword().header("Origin", "https://evil.example").post(TOKENS, null);

		assertProblem(crossSite, 403, "FORBIDDEN");
		assertProblem(sameSite, 403, "FORBIDDEN");
		assertProblem(foreignOrigin, 403, "FORBIDDEN");
		assertThat(tokenCount()).as("no token was made").isEqualTo(before);
	}

	@Test
	void programsAndTheServicesOwnPagesMayWrite() {
		assertThat(adminWithPassword().post(TOKENS, null).status()).isEqualTo(201);
		assertThat(adminWithPassword().header("Sec-Fetch-Site", "same-origin").post(TOKENS, null).status())
			.isEqualTo(201);
		assertThat(adminWithPassword().header("Origin", "http://localhost:" + port).post(TOKENS, null).status())
			.isEqualTo(201);
	}

	@Test
	void readsFromAnotherSiteAreNotTheConcern() {
		assertThat(adminWithPassword().header("Sec-Fetch-Site", "cross-site").get("/api/v1/users/admin").status())
			.isEqualTo(200);
	}

	private int tokenCount() {
		return admin().get(TOKENS + "?limit=1000").json().get("items").size();
	}

}
