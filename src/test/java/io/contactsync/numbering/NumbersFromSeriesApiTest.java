package io.contactsync.numbering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers as a new user met them with the demo company's series (docs/rules.md,
 * "Numbers"): a blank number takes the next one of the series; a series that allows
 * numbers typed by hand passes over those it meets; a refusal names the number, the
 * series and the way out.
 */
class NumbersFromSeriesApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource({ "/api/v1/customers, K\\d{5}", "/api/v1/vendors, L\\d{5}", "/api/v1/bank-accounts, B\\d{3}",
			"/api/v1/contacts, KT\\d{6}" })
	void aBlankNumberTakesTheNextNumberOfTheSeries(String path, String pattern) {
		for (String blank : List.of("", "   ")) {
			JsonNode created = create(path, Map.of("no", blank, "name", "Blankt Nummer " + unique() + " AS"));

			assertThat(no(created)).matches(pattern);
		}
	}

	@Test
	void aNumberTypedWhereTheSeriesAllowsNoneIsRefusedNamingTheNumberTheSeriesAndTheWayOut() {
		Api.Response refused = admin().post("/api/v1/customers", Map.of("no", "K12345", "name", "Egen Nr AS"));

		assertProblem(refused, 422, "MANUAL_NOS_NOT_ALLOWED");
		assertThat(refused.json().get("detail").asString()).contains("Customer number K12345", "number series KUNDE",
				"leave 'no' out or empty");
	}

	@Test
	void numbersTypedByHandAheadOfTheSeriesArePassedOverAndMakeOrderStillWorks() {
		setManualNos("KUNDE", true);
		try {
			List<String> typed = nextOfCustomerSeries(4);
			for (String no : typed) {
				create("/api/v1/customers", Map.of("no", no, "name", "Skrevet For Hånd " + no + " AS"));
			}

			JsonNode drawn = customer("Fra Serien " + unique() + " AS");
			assertThat(no(drawn)).isEqualTo(SeriesNumber.increment(typed.get(3), 10));

			typed = nextOfCustomerSeries(3);
			for (String no : typed) {
				create("/api/v1/customers", Map.of("no", no, "name", "Skrevet For Hånd " + no + " AS"));
			}
			JsonNode company = company("Lag Ordre " + unique() + " AS");
			JsonNode quote = create("/api/v1/sales-quotes",
					Map.of("sellToContactNo", no(company), "customerTemplateCode", "BEDRIFT"));
			Api.Response made = admin().post("/api/v1/sales-quotes/" + no(quote) + "/make-order", Map.of());
			assertThat(made.status()).as(made.toString()).isEqualTo(201);
			assertThat(text(made.json(), "sellToCustomerNo")).isEqualTo(SeriesNumber.increment(typed.get(2), 10));
		}
		finally {
			setManualNos("KUNDE", false);
		}
	}

	@Test
	void aDocumentNumberThatIsHeldAlreadyIsPassedOver() {
		String next = SeriesNumber.increment(lastNoUsed("S-TILB"), 1);
		jdbc.sql("INSERT INTO document (kind, no, document_date) VALUES ('SALES_QUOTE', ?, current_date)")
			.param(next)
			.update();
		JsonNode company = company("Tilbud Forbi " + unique() + " AS");

		JsonNode quote = create("/api/v1/sales-quotes",
				Map.of("sellToContactNo", no(company), "customerTemplateCode", "BEDRIFT"));

		assertThat(no(quote)).isEqualTo(SeriesNumber.increment(next, 1));
	}

	private List<String> nextOfCustomerSeries(int count) {
		List<String> nos = new ArrayList<>();
		String last = lastNoUsed("KUNDE");
		for (int i = 0; i < count; i++) {
			last = SeriesNumber.increment(last, 10);
			nos.add(last);
		}
		return nos;
	}

	private String lastNoUsed(String series) {
		return read("/api/v1/number-series/" + series).get("lastNoUsed").asString();
	}

	private void setManualNos(String series, boolean manual) {
		patched("/api/v1/number-series/" + series, "manualNos", manual);
	}

}
