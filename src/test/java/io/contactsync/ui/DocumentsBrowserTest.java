package io.contactsync.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents as a Norwegian office needs them: a quote started from the customer card as
 * from the contact card, and a printout headed by our company (from the company
 * information setup) that prints every Norwegian and Sámi letter.
 */
class DocumentsBrowserTest extends SignedInBrowserTest {

	@ParameterizedTest
	@CsvSource({ "nb, customers, sales-quotes, Salgstilbud", "en, customers, sales-quotes, Sales quote",
			"nb, vendors, purchase-quotes, Innkjøpsforespørsel" })
	void aQuoteIsStartedFromTheCustomerOrVendorCard(String language, String kind, String quotes, String title)
			throws Exception {
		JsonNode record = "customers".equals(kind) ? customer("Tilbudskunde " + unique() + " AS", "city", "Bodø")
				: vendor("Tilbudsleverandør " + unique() + " AS", "city", "Bodø");
		Browser browser = signedIn(language);
		browser.go("/" + kind + "/" + no(record));

		browser.click("customers".equals(kind) ? "#new-sales-quote" : "#new-purchase-quote");

		browser.waitFor(driver -> browser.path().startsWith("/documents/" + quotes + "/"));
		assertThat(browser.text("h1")).startsWith(title);
		assertThat(browser.text("#record-no")).isEqualTo(no(record));
		assertThat(browser.text("#party-name")).isEqualTo(text(record, "name"));
	}

	@ParameterizedTest
	@CsvSource({ "nb, Firmaopplysninger, Org.nr. (MVA)", "en, Company information, VAT registration no." })
	void ourCompanyIsSetUpUnderSetup(String language, String title, String orgNo) throws Exception {
		Browser browser = signedIn(language);
		browser.go("/setup");
		browser.click("#setup-company-information");

		browser.waitFor(driver -> browser.text("h1").equals(title));
		assertThat(browser.value("#f-name")).isEqualTo("Fjellvent AS");
		assertThat(browser.text("label[for=f-vatRegistrationNo]")).isEqualTo(orgNo);
	}

	@Test
	void aPrintedQuoteIsHeadedByOurCompanyAndPrintsSamiLetters() throws Exception {
		JsonNode contact = company("Čáhppesjávri Boazu " + unique() + " AS", "address", "Čáhppesjávrigeaidnu 1",
				"postCode", "9008");
		JsonNode quote = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", no(contact), "documentDate", "2026-11-24", "lines",
						List.of(Map.of("description", "Ŋ Ŧ Đ Š Ž æøå ÆØÅ", "quantity", 2, "unitPrice", 1250.5))));

		byte[] printed = admin().bytes("POST", "/api/v1/sales-quotes/" + no(quote) + "/print");
		// beside the screenshots, for a person to look at
		Files.createDirectories(Path.of("target", "screenshots"));
		Files.write(Path.of("target", "screenshots", "quote-nb.pdf"), printed);
		String text = pdfText(printed).replaceAll("[\\s\u00A0\u202F]+", " ");

		assertThat(text).contains(text(contact, "name"), "Čáhppesjávrigeaidnu 1", "Ŋ Ŧ Đ Š Ž æøå ÆØÅ");
		assertThat(text).contains("Fjellvent AS", "Økernveien 94, 0484 Oslo", "Org.nr. NO 912 345 678 MVA");
		assertThat(text).contains("Dato: 24.11.2026", "2 501,00");
	}

	private static String pdfText(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		return text.toString();
	}

}
