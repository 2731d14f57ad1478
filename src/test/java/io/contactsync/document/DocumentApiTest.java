package io.contactsync.document;

import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents from contacts (docs/rules.md, "Documents from contacts"), and what printing,
 * sending and creating log (docs/rules.md, "Interactions").
 */
class DocumentApiTest extends DemoCompanyApiTest {

	private static final List<Map<String, Object>> LINES = List.of(
			Map.of("description", "Ventilasjonsaggregat", "quantity", 2, "unitPrice", 12500),
			Map.of("description", "Montering", "quantity", 8, "unitPrice", 950.5));

	@Test
	void aQuoteForAContactWithNoCustomerGoesAllTheWayToAnOrderAPrintAndALoggedInteraction() throws Exception {
		JsonNode company = company("Hele Veien AS", "address", "Torget 1", "postCode", "2317", "email",
				"innkjop@heleveien.no");

		JsonNode quote = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", no(company), "customerTemplateCode", "BEDRIFT", "lines", LINES));
		assertThat(quote.get("sellToCustomerNo").isNull()).isTrue();
		assertThat(text(quote, "customerTemplateCode")).isEqualTo("BEDRIFT");
		assertThat(quote.get("amount").decimalValue()).isEqualByComparingTo("32604.00");

		Api.Response made = admin().post("/api/v1/sales-quotes/" + no(quote) + "/make-order", Map.of());
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		JsonNode order = made.json();
		assertThat(text(order, "quoteNo")).isEqualTo(no(quote));
		String customerNo = text(order, "sellToCustomerNo");
		assertThat(customerNo).isNotNull();
		assertThat(text(order, "sellToCustomerName")).isEqualTo("Hele Veien AS");
		assertThat(order.get("lines").size()).isEqualTo(2);
		assertProblem(admin().get("/api/v1/sales-quotes/" + no(quote)), 404, "NOT_FOUND");

		JsonNode customer = read("/api/v1/customers/" + customerNo);
		assertThat(text(customer, "contactNo")).isEqualTo(no(company));
		assertThat(text(customer, "customerPostingGroup")).as("from the quote's template").isEqualTo("INNLAND");
		patched("/api/v1/customers/" + customerNo, "phoneNo", "62 00 11 22");
		assertThat(text(read("/api/v1/contacts/" + no(company)), "phoneNo")).as("linked and in sync")
			.isEqualTo("62 00 11 22");

		Api.Response printed = admin().post("/api/v1/sales-orders/" + no(order) + "/print", null);
		assertThat(printed.status()).isEqualTo(200);
		assertThat(printed.contentType()).isEqualTo("application/pdf");
		String text = pdfText(
				admin().bytes("POST", "/api/v1/sales-orders/" + no(order) + "/print?logInteraction=false"));
		assertThat(text).contains(no(order), "Hele Veien AS", "Ordrebekreftelse", "Ventilasjonsaggregat");

		JsonNode logged = admin()
			.get("/api/v1/interaction-log-entries?documentType=SALES_ORDER_CONFIRMATION&documentNo=" + no(order))
			.json()
			.get("items");
		assertThat(logged.size()).as("logged once: the second print asked not to").isEqualTo(1);
		assertThat(text(logged.get(0), "contactNo")).isEqualTo(no(company));
		assertThat(text(logged.get(0), "interactionTemplateCode")).isEqualTo("ORDREBEKR");
	}

	@Test
	void aContactWhoseLanguageIsEnglishGetsItsDocumentsInEnglish() throws Exception {
		JsonNode company = company("Foreign Ltd", "languageCode", "ENU");
		JsonNode quote = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", no(company), "customerTemplateCode", "EKSPORT", "lines", LINES));

		String text = pdfText(admin().bytes("POST", "/api/v1/sales-quotes/" + no(quote) + "/print"));

		assertThat(text).contains("Sales quote " + no(quote), "Foreign Ltd", "Description", "Total");
		String norwegian = pdfText(admin().bytes("POST", "/api/v1/sales-quotes/"
				+ no(create("/api/v1/sales-quotes", Map.of("sellToContactNo", no(company("Norsk AS"))))) + "/print"));
		assertThat(norwegian).contains("Salgstilbud", "Beskrivelse", "Totalt");
	}

	/** Norwegian documents print dates day first and amounts as "1 250,50". */
	@Test
	void aPrintedDocumentShowsDatesAndAmountsAsItsLanguageWritesThem() throws Exception {
		List<Map<String, Object>> lines = List.of(Map.of("description", "Vifte", "quantity", 3.5, "unitPrice", 1250.5));
		JsonNode norwegian = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", no(company("Tall AS")), "documentDate", "2026-11-24", "lines", lines));
		JsonNode english = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", no(company("Numbers Ltd", "languageCode", "ENU")), "customerTemplateCode",
						"EKSPORT", "documentDate", "2026-11-24", "lines", lines));

		// The text extractor shows the no-break space that groups thousands as a gap.
		String nb = pdfText(admin().bytes("POST", "/api/v1/sales-quotes/" + no(norwegian) + "/print"))
			.replaceAll("[\\s\u00A0]+", " ");
		String en = pdfText(admin().bytes("POST", "/api/v1/sales-quotes/" + no(english) + "/print")).replaceAll("\\s+",
				" ");

		assertThat(nb).contains("Dato: 24.11.2026", "3,5", "1 250,50", "4 376,75").doesNotContain("2026-11-24");
		assertThat(en).contains("Date: 2026-11-24", "3.5", "1,250.50", "4,376.75");
		assertThat(read("/api/v1/sales-quotes/" + no(norwegian)).get("documentDate").asString())
			.as("the API's JSON keeps ISO dates")
			.isEqualTo("2026-11-24");
	}

	@Test
	void aQuoteForALinkedContactTakesItsCustomer() {
		JsonNode customer = customer("Har Kunde AS");
		JsonNode person = person("Kjøper Knutsen", text(customer, "contactNo"));

		JsonNode quote = create("/api/v1/sales-quotes", Map.of("sellToContactNo", no(person)));

		assertThat(text(quote, "sellToCustomerNo")).isEqualTo(no(customer));
		assertThat(text(quote, "sellToCustomerName")).isEqualTo("Har Kunde AS");
		assertThat(text(quote, "sellToContactNo")).isEqualTo(no(person));
	}

	@Test
	void anOrderNeedsACustomer() {
		JsonNode company = company("Uten Kunde AS");

		assertProblem(admin().post("/api/v1/sales-orders", Map.of("sellToContactNo", no(company))), 422,
				"CUSTOMER_REQUIRED");
		assertProblem(admin().post("/api/v1/sales-blanket-orders", Map.of("sellToContactNo", no(company))), 422,
				"CUSTOMER_REQUIRED");
		assertProblem(admin().post("/api/v1/service-orders", Map.of("contactNo", no(company))), 422,
				"CUSTOMER_REQUIRED");
		assertProblem(admin().post("/api/v1/purchase-orders", Map.of("buyFromContactNo", no(company))), 422,
				"VENDOR_REQUIRED");
	}

	@Test
	void aCustomerFillsTheContactWithItsPrimaryContact() {
		JsonNode customer = customer("Primær Ordre AS", "contact", "Pål Primær");

		JsonNode order = create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer)));

		assertThat(text(order, "sellToContactNo"))
			.isEqualTo(text(read("/api/v1/customers/" + no(customer)), "primaryContactNo"));
	}

	@Test
	void aContactOfAnotherCompanyIsRefused() {
		JsonNode customer = customer("Rett Kunde AS");
		JsonNode stranger = company("Feil Firma AS");

		assertProblem(
				admin().post("/api/v1/sales-orders",
						Map.of("sellToCustomerNo", no(customer), "sellToContactNo", no(stranger))),
				422, "VALIDATION_FAILED");
	}

	@Test
	void aQuoteWithoutTemplateOrCustomerCannotBecomeAnOrder() {
		JsonNode company = company("Ingen Mal Ordre AS");
		JsonNode quote = create("/api/v1/sales-quotes", Map.of("sellToContactNo", no(company)));
		assertThat(quote.get("customerTemplateCode").isNull()).as("two company templates: none chosen").isTrue();

		assertProblem(admin().post("/api/v1/sales-quotes/" + no(quote) + "/make-order", Map.of()), 422,
				"CUSTOMER_REQUIRED");
		Api.Response made = admin().post("/api/v1/sales-quotes/" + no(quote) + "/make-order",
				Map.of("customerTemplateCode", "EKSPORT"));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
	}

	@Test
	void linkingAContactGivesItsCompanysOpenQuotesTheCustomer() {
		JsonNode company = company("Senere Kunde AS");
		JsonNode person = person("Tidlig Tilbud", no(company));
		JsonNode quote = create("/api/v1/sales-quotes", Map.of("sellToContactNo", no(person)));

		Api.Response created = admin().post("/api/v1/contacts/" + no(company) + "/create-customer",
				Map.of("customerTemplateCode", "BEDRIFT"));

		JsonNode linked = read("/api/v1/sales-quotes/" + no(quote));
		assertThat(text(linked, "sellToCustomerNo")).isEqualTo(no(created.json()));
		assertThat(linked.get("version").asLong()).isEqualTo(quote.get("version").asLong() + 1);
		List<String> logged = new java.util.ArrayList<>();
		admin().get("/api/v1/change-log?recordType=SALES_DOCUMENT&no=SALES_QUOTE/" + no(quote) + "&limit=100")
			.json()
			.get("items")
			.forEach(entry -> logged.add(text(entry, "field")));
		assertThat(logged).as("the quote's new customer is in the change log").contains("sellToCustomerNo");
	}

	@Test
	void aBlanketOrderMakesOrdersAndStays() {
		JsonNode customer = customer("Ramme AS");
		JsonNode blanket = create("/api/v1/sales-blanket-orders",
				Map.of("sellToCustomerNo", no(customer), "lines", LINES));

		Api.Response made = admin().post("/api/v1/sales-blanket-orders/" + no(blanket) + "/make-order", null);

		assertThat(made.status()).isEqualTo(201);
		assertThat(made.json().get("quoteNo").isNull()).isTrue();
		assertThat(read("/api/v1/sales-blanket-orders/" + no(blanket)).get("lines").size()).isEqualTo(2);
	}

	@Test
	void purchaseQuotesMirrorSalesQuotesWithVendors() {
		JsonNode company = company("Ny Leverandør AS");
		JsonNode quote = create("/api/v1/purchase-quotes", Map.of("buyFromContactNo", no(company), "lines", LINES));
		assertThat(text(quote, "vendorTemplateCode")).as("the only vendor template").isEqualTo("INNLAND");

		Api.Response made = admin().post("/api/v1/purchase-quotes/" + no(quote) + "/make-order", Map.of());

		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		assertThat(text(made.json(), "buyFromVendorNo")).isNotNull();
		assertThat(text(read("/api/v1/vendors/" + text(made.json(), "buyFromVendorNo")), "contactNo"))
			.isEqualTo(no(company));
		assertProblem(admin().post("/api/v1/purchase-quotes", Map.of("sellToContactNo", no(company))), 400,
				"MALFORMED_REQUEST");
	}

	@Test
	void creatingAServiceOrderLogsAnInteraction() {
		JsonNode customer = customer("Service AS");

		JsonNode order = create("/api/v1/service-orders",
				Map.of("customerNo", no(customer), "description", "Årlig service av anlegg"));

		JsonNode entry = admin().get("/api/v1/contacts/" + text(customer, "contactNo") + "/interactions").json().get(0);
		assertThat(text(entry, "documentType")).isEqualTo("SERVICE_ORDER_CREATE");
		assertThat(text(entry, "documentNo")).isEqualTo(no(order));
		assertThat(text(entry, "description")).isEqualTo("Årlig service av anlegg");
	}

	@Test
	void sendingMailsThePdfToTheContactAndLogsIt() {
		JsonNode customer = customer("Send AS", "email", "post@send-as.no");
		JsonNode quote = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", text(customer, "contactNo"), "lines", LINES));

		assertThat(admin().post("/api/v1/sales-quotes/" + no(quote) + "/send", Map.of()).status()).isEqualTo(202);

		JsonNode message = admin().get("/api/v1/outbox").json().get("items").get(0);
		assertThat(text(message, "recipient")).isEqualTo("post@send-as.no");
		assertThat(text(message, "attachmentName")).isEqualTo(no(quote) + ".pdf");
		assertThat(admin().get("/api/v1/interaction-log-entries?documentType=SALES_QUOTE&documentNo=" + no(quote))
			.json()
			.get("items")
			.size()).isEqualTo(1);
		JsonNode silent = company("Stille AS");
		JsonNode silentQuote = create("/api/v1/sales-quotes", Map.of("sellToContactNo", no(silent)));
		assertProblem(admin().post("/api/v1/sales-quotes/" + no(silentQuote) + "/send", Map.of()), 422,
				"CONTACT_EMAIL_MISSING");
	}

	@Test
	void contactsAndCustomersNamedByOpenDocumentsCannotBeDeleted() {
		JsonNode customer = customer("I Bruk AS");
		create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer)));

		assertProblem(admin().ifMatch(read("/api/v1/customers/" + no(customer)).get("version").asLong())
			.delete("/api/v1/customers/" + no(customer)), 409, "IN_USE");
		String contact = text(customer, "contactNo");
		assertProblem(admin().ifMatch(read("/api/v1/contacts/" + contact).get("version").asLong())
			.delete("/api/v1/contacts/" + contact), 409, "IN_USE");
	}

	@Test
	void documentsCheckTheirInput() {
		JsonNode customer = customer("Sjekk AS");
		assertProblem(admin().post("/api/v1/sales-orders", Map.of()), 422, "VALIDATION_FAILED");
		assertProblem(
				admin().post("/api/v1/sales-orders",
						Map.of("sellToCustomerNo", no(customer), "lines", List.of(Map.of("unitPrice", -1)))),
				422, "VALIDATION_FAILED");
		assertProblem(
				admin().post("/api/v1/sales-orders",
						Map.of("sellToCustomerNo", no(customer), "lines", List.of(Map.of("quantity", "two")))),
				400, "MALFORMED_REQUEST");
		assertProblem(admin().post("/api/v1/sales-orders", Map.of("sellToCustomerNo", "NOSUCH")), 422, "UNKNOWN_CODE");
		assertProblem(
				admin().post("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer), "currencyCode", "XYZ")),
				422, "UNKNOWN_CODE");
		JsonNode order = create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer)));
		assertProblem(admin().patch("/api/v1/sales-orders/" + no(order), Map.of("description", "x")), 428,
				"PRECONDITION_REQUIRED");
		JsonNode patched = patched("/api/v1/sales-orders/" + no(order), "lines", LINES, "status", "RELEASED");
		assertThat(patched.get("lines").size()).isEqualTo(2);
		assertThat(text(patched, "status")).isEqualTo("RELEASED");
	}

	@Test
	void whoMayWriteWhichDocuments() {
		JsonNode customer = customer("Roller Dok AS");
		JsonNode vendor = vendor("Roller Lev AS");
		Api sales = userWithRole("SALES");
		Api purchasing = userWithRole("PURCHASING");

		assertThat(sales.post("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer))).status())
			.isEqualTo(201);
		assertProblem(sales.post("/api/v1/purchase-orders", Map.of("buyFromVendorNo", no(vendor))), 403, "FORBIDDEN");
		assertThat(purchasing.post("/api/v1/purchase-orders", Map.of("buyFromVendorNo", no(vendor))).status())
			.isEqualTo(201);
		assertProblem(purchasing.post("/api/v1/service-orders", Map.of("customerNo", no(customer))), 403, "FORBIDDEN");
		assertThat(userWithRole("VIEWER").get("/api/v1/sales-orders").status()).isEqualTo(200);
	}

	private static String pdfText(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page));
		}
		reader.close();
		return text.toString();
	}

}
