package io.contactsync.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cards are laid out as the ERP lays them out (General, Communication, Segmentation and,
 * on customers, Invoicing), and a card fits a phone 375 px wide without sideways
 * scrolling.
 */
class CardLayoutBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, Generelt, Kommunikasjon, Segmentering, Fakturering",
			"en, General, Communication, Segmentation, Invoicing" })
	void aCustomerCardHasTheErpsSectionsAndFitsAPhone(String language, String general, String communication,
			String segmentation, String invoicing) throws Exception {
		Browser browser = signedIn(language);
		browser.go("/customers/K00010");

		assertThat(browser.text("#section-general h2")).isEqualToIgnoringCase(general);
		assertThat(browser.text("#section-communication h2")).isEqualToIgnoringCase(communication);
		assertThat(browser.text("#section-segmentation h2")).isEqualToIgnoringCase(segmentation);
		assertThat(browser.text("#section-invoicing h2")).isEqualToIgnoringCase(invoicing);
		assertThat(browser.exists("#section-general #f-name")).isTrue();
		assertThat(browser.exists("#section-communication #f-phoneNo")).isTrue();
		assertThat(browser.exists("#section-segmentation #f-salespersonCode")).isTrue();
		assertThat(browser.exists("#section-invoicing #f-customerPostingGroup")).isTrue();
		assertThat(browser.exists("#f-phoneNoE164")).as("kept by the application, not typed").isFalse();

		browser.atWidth(375, () -> assertThat(browser.scrollWidth()).isLessThanOrEqualTo(375));
		browser.go("/contacts/" + text(read("/api/v1/customers/K00010"), "contactNo"));
		assertThat(browser.exists("#section-invoicing")).as("a contact is not invoiced").isFalse();
		assertThat(browser.exists("#section-communication #f-email")).isTrue();
		browser.atWidth(375, () -> assertThat(browser.scrollWidth()).isLessThanOrEqualTo(375));
	}

}
