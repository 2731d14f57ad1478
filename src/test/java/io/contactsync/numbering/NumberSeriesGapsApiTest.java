package io.contactsync.numbering;

import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Allow gaps in numbers" through the API on the demo company (docs/rules.md, "Numbers"):
 * an administrator's setting, logged like any change of setup; and customers created with
 * their contacts by eight clients at once, from gapless series (no number skipped, none
 * twice) and from series that allow gaps (none twice), and back.
 */
class NumberSeriesGapsApiTest extends DemoCompanyApiTest {

	private static final int CLIENTS = 8;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NumberSeries numberSeries;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void anAdministratorAllowsGapsTheChangeIsLoggedAndOthersOnlyReadIt() {
		String code = "GAP" + unique();
		JsonNode created = create("/api/v1/number-series", Map.of("code", code, "startingNo", "H0001"));
		assertThat(created.get("allowGaps").asBoolean()).as("gapless unless asked").isFalse();

		assertProblem(
				userWithRole("SALES").ifMatch(1).patch("/api/v1/number-series/" + code, Map.of("allowGaps", true)), 403,
				"FORBIDDEN");
		assertProblem(admin().ifMatch(1).patch("/api/v1/number-series/" + code, Map.of("allowGaps", "sometimes")), 400,
				"MALFORMED_REQUEST");
		JsonNode changed = patched("/api/v1/number-series/" + code, "allowGaps", true);

		assertThat(changed.get("allowGaps").asBoolean()).isTrue();
		assertThat(changed.get("version").asLong()).isEqualTo(2);
		JsonNode logged = admin().get("/api/v1/change-log?recordType=SETUP&no=number-series/" + code + "&limit=1")
			.json()
			.get("items")
			.get(0);
		assertThat(text(logged, "field")).isEqualTo("allowGaps");
		assertThat(text(logged, "oldValue")).isEqualTo("false");
		assertThat(text(logged, "newValue")).isEqualTo("true");
		assertThat(userWithRole("VIEWER").get("/api/v1/number-series/" + code).json().get("allowGaps").asBoolean())
			.isTrue();

		assertThat(draw(code, 2)).containsExactly("H0001", "H0002");
		assertThat(text(read("/api/v1/number-series/" + code), "lastNoUsed")).isEqualTo("H0002");
		String exported = new String(
				admin().header("Accept", "text/csv").download("/api/v1/number-series?limit=1000").body(),
				StandardCharsets.UTF_8);
		assertThat(exported.lines().filter(line -> line.startsWith(code + ",")))
			.as("the export shows what the API shows")
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains(",H0002,");
		JsonNode gapless = patched("/api/v1/number-series/" + code, "allowGaps", false);
		assertThat(text(gapless, "lastNoUsed")).as("carried over, and answered").isEqualTo("H0002");
		assertThat(gapless.get("version").asLong()).isEqualTo(3);
	}

	@Test
	void eightClientsCreatingCustomersWithTheirContactsFromGaplessSeriesThenFromSeriesThatAllowGaps() throws Exception {
		Map<String, String> series = Map.of("customer", "KUNDE", "contact", "KONTAKT");
		Map<String, String> before = lastNos(series);
		List<String> made = createCustomers("Uten Hull", 40);
		Map<String, String> after = lastNos(series);
		series.forEach((table, code) -> assertThat(numbersBetween(table, before.get(table), after.get(table)))
			.as(table + ": every number drawn on exactly one row, in step, none skipped")
			.containsExactlyElementsOf(inStep(before.get(table), after.get(table), increment(code))));
		assertThat(made).hasSize(40);

		series.values().forEach(code -> setAllowGaps(code, true));
		try {
			Map<String, String> gapsBefore = lastNos(series);
			List<String> drawn = createCustomers("Med Hull", 40);
			assertThat(new HashSet<>(drawn)).as("no customer number twice").hasSize(40);
			Map<String, String> gapsAfter = lastNos(series);
			series.forEach((table, code) -> {
				List<String> nos = numbersBetween(table, gapsBefore.get(table), gapsAfter.get(table));
				assertThat(new HashSet<>(nos)).as(table + ": no number twice").hasSize(nos.size());
				assertThat(nos).as(table + ": the last number shown is the last drawn").endsWith(gapsAfter.get(table));
			});
			assertThat(numbersBetween("customer", gapsBefore.get("customer"), gapsAfter.get("customer")))
				.containsExactlyInAnyOrderElementsOf(drawn);
		}
		finally {
			series.values().forEach(code -> setAllowGaps(code, false));
		}
		String last = lastNos(series).get("customer");
		assertThat(no(customer("Uten Hull Igjen " + unique() + " AS"))).as("gapless again, on from the last drawn")
			.isEqualTo(SeriesNumber.increment(last, increment("KUNDE")));
	}

	@Test
	void theSetupPageSwitchesGapsOnInEitherLanguageAndShowsTheLastNumberDrawn() {
		String code = "GAP" + unique();
		create("/api/v1/number-series", Map.of("code", code, "startingNo", "P0001", "lastNoUsed", "P0005"));
		WebSession page = new WebSession(port).signIn("admin", ADMIN_PASSWORD);
		String edit = "/setup/number-series/edit?key=" + code;
		assertThat(page.get(edit + "&lang=en").body()).contains("id=\"f-allowGaps\"", "Allow gaps in nos.");
		assertThat(page.get(edit + "&lang=nb").body()).contains("id=\"f-allowGaps\"", "Tillat hull i nummerserie");

		assertThat(save(page, code, 1, "P0005", "").statusCode()).isEqualTo(302);
		assertThat(read("/api/v1/number-series/" + code).get("allowGaps").asBoolean()).isTrue();
		assertThat(draw(code, 2)).containsExactly("P0006", "P0007");
		assertThat(page.get("/setup/number-series").body()).contains("P0007");
		assertThat(page.get(edit).body()).contains("value=\"P0007\"");

		// The form sends back the number it showed: not a change, and the sequence goes
		// on.
		assertThat(save(page, code, 2, "P0007", "Endret").statusCode()).isEqualTo(302);
		assertThat(admin().get("/api/v1/change-log?recordType=SETUP&no=number-series/" + code + "&limit=1")
			.json()
			.get("items")
			.get(0)
			.get("field")
			.asString()).isEqualTo("description");
		assertThat(draw(code, 1)).containsExactly("P0008");
	}

	private List<String> draw(String code, int count) {
		NumberSeries.TakenNumbers nothingHeld = candidates -> Set.of();
		List<String> drawn = transaction.execute(status -> numberSeries.next(code, count, nothingHeld));
		return drawn;
	}

	private static HttpResponse<String> save(WebSession page, String code, long version, String lastNoUsed,
			String description) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(version));
		form.put("key", code);
		form.put("description", description);
		form.put("startingNo", "P0001");
		form.put("endingNo", "");
		form.put("incrementBy", "1");
		form.put("lastNoUsed", lastNoUsed);
		form.put("manualNos", "false");
		form.put("defaultNos", "true");
		form.put("allowGaps", "true");
		return page.post("/setup/number-series", form);
	}

	/** Customers created by eight clients at once, each with its contact and a person. */
	private List<String> createCustomers(String name, int count) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<String> nos = Collections.synchronizedList(new ArrayList<>());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				running.add(clients.submit(() -> {
					for (int i = client; i < count; i += CLIENTS) {
						nos.add(no(create("/api/v1/customers",
								Map.of("name", name + " " + unique() + " AS", "contact", "Kari " + i + " Nordmann"))));
					}
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			clients.shutdownNow();
		}
		return nos;
	}

	private Map<String, String> lastNos(Map<String, String> series) {
		Map<String, String> last = new java.util.HashMap<>();
		series.forEach((table, code) -> last.put(table, text(read("/api/v1/number-series/" + code), "lastNoUsed")));
		return last;
	}

	private long increment(String code) {
		return read("/api/v1/number-series/" + code).get("incrementBy").asLong();
	}

	private List<String> numbersBetween(String table, String after, String upTo) {
		return jdbc.sql("SELECT no FROM " + table + " WHERE no > ? AND no <= ? AND length(no) = length(?) ORDER BY no")
			.params(after, upTo, upTo)
			.query(String.class)
			.list();
	}

	private static List<String> inStep(String after, String upTo, long by) {
		List<String> nos = new ArrayList<>();
		for (String no = SeriesNumber.increment(after, by); !SeriesNumber.isBeyond(no, upTo); no = SeriesNumber
			.increment(no, by)) {
			nos.add(no);
		}
		return nos;
	}

	private void setAllowGaps(String code, boolean allow) {
		Api.Response changed = admin().ifMatch(read("/api/v1/number-series/" + code).get("version").asLong())
			.patch("/api/v1/number-series/" + code, Map.of("allowGaps", allow));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

}
