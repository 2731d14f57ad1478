package io.contactsync.ui;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.AfterAll;

/**
 * A browser test on the demo company: one Chromium for the class, signed in as the
 * administrator once, and closed after the class.
 */
abstract class SignedInBrowserTest extends DemoCompanyApiTest {

	private static Browser browser;

	@AfterAll
	static void closeBrowser() throws Exception {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	Browser signedIn(String language) throws Exception {
		if (browser == null) {
			browser = Browser.open(port, "nb-NO");
			browser.signIn("admin", ADMIN_PASSWORD);
			browser.waitFor(driver -> browser.path().startsWith("/contacts"));
		}
		browser.go("/contacts?lang=" + language);
		return browser;
	}

}
