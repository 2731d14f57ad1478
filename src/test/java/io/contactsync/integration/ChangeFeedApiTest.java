package io.contactsync.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The change feed (docs/integration.md) through the API. */
class ChangeFeedApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sequencer sequencer;

	private long headAfterSequencing() {
		return SequencedFeed.head(jdbc, sequencer);
	}

	/** Every event after a position, read page by page as a client would. */
	private List<JsonNode> eventsAfter(Api reader, long after, String query) {
		headAfterSequencing();
		List<JsonNode> events = new ArrayList<>();
		String cursor = Long.toString(after);
		for (int page = 0; page < 100; page++) {
			Api.Response answer = reader.get("/api/v1/changes?limit=2&after=" + cursor + query);
			assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			answer.json().get("items").forEach(events::add);
			String next = answer.json().get("next").asString();
			if (next.equals(cursor)) {
				return events;
			}
			cursor = next;
		}
		throw new AssertionError("the feed did not end");
	}

	private static List<String> typesOf(List<JsonNode> events, String no) {
		return events.stream()
			.filter(e -> e.get("no").asString().equals(no))
			.map(e -> e.get("type").asString())
			.toList();
	}

	@Test
	void aCommittedChangeAndWhatTheSyncCarriedAreInTheFeedInCommitOrderWithTheirDiff() {
		long start = headAfterSequencing();
		JsonNode customer = customer("Strøm Feed AS");
		String contactNo = text(customer, "contactNo");
		patched("/api/v1/customers/" + no(customer), "phoneNo", "+47 91 00 00 01");

		List<JsonNode> events = eventsAfter(admin(), start, "");

		assertThat(typesOf(events, no(customer))).containsExactly("customer.created", "customer.changed");
		assertThat(typesOf(events, contactNo)).containsExactly("contact.created", "contact.changed");
		JsonNode changed = events.stream()
			.filter(e -> e.get("type").asString().equals("customer.changed"))
			.filter(e -> e.get("no").asString().equals(no(customer)))
			.findFirst()
			.orElseThrow();
		assertThat(changed.get("changes").get("phoneNo").get("new").asString()).isEqualTo("+47 91 00 00 01");
		assertThat(changed.get("version").asLong()).isEqualTo(2);
		assertThat(changed.get("origin").asString()).isEqualTo("API");
		assertThat(changed.get("user").asString()).isEqualTo("admin");
		assertThat(changed.get("id").asString()).startsWith("evt_");
		JsonNode carried = events.stream()
			.filter(e -> e.get("type").asString().equals("contact.changed"))
			.filter(e -> e.get("no").asString().equals(contactNo))
			.findFirst()
			.orElseThrow();
		assertThat(carried.get("origin").asString()).isEqualTo("SYNC");
		assertThat(carried.get("causedBy").isNull()).isFalse();
		List<Long> positions = events.stream().map(e -> e.get("position").asLong()).toList();
		assertThat(positions).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void aRolledBackChangeLeavesNothingInTheFeed() {
		JsonNode customer = customer("Tilbakerull AS");
		long start = headAfterSequencing();

		// a stale version: the whole request is refused, nothing of it committed
		Api.Response refused = admin().ifMatch(99)
			.patch("/api/v1/customers/" + no(customer), java.util.Map.of("phoneNo", "+47 91 00 00 02"));
		assertThat(refused.status()).isEqualTo(412);
		patched("/api/v1/customers/" + no(customer), "city", "Bodø");

		List<JsonNode> events = eventsAfter(admin(), start, "&recordType=CUSTOMER");
		assertThat(events).filteredOn(e -> e.get("no").asString().equals(no(customer)))
			.singleElement()
			.satisfies(e -> assertThat(e.get("changes").has("phoneNo")).isFalse());
	}

	@Test
	void aWriteFromAnotherSystemCarriesItsNameAndItsReaderCanLeaveItsOwnChangesOut() {
		JsonNode customer = customer("Kilde AS");
		String contactNo = text(customer, "contactNo");
		long start = headAfterSequencing();

		Api.Response fromCrm = admin().header("X-Source-System", "CRM")
			.header("If-Match", "*")
			.patch("/api/v1/customers/" + no(customer), java.util.Map.of("phoneNo", "+47 91 00 00 03"));
		assertThat(fromCrm.status()).as(fromCrm.toString()).isEqualTo(200);
		patched("/api/v1/customers/" + no(customer), "city", "Tromsø");

		List<JsonNode> all = eventsAfter(admin(), start, "");
		assertThat(all).filteredOn(e -> e.get("no").asString().equals(contactNo))
			.extracting(e -> e.get("sourceSystem").isNull() ? null : e.get("sourceSystem").asString())
			.containsExactly("crm", null);
		List<JsonNode> withoutCrm = eventsAfter(admin(), start, "&excludeSourceSystem=crm");
		assertThat(withoutCrm)
			.filteredOn(e -> e.get("no").asString().equals(no(customer)) || e.get("no").asString().equals(contactNo))
			.hasSize(2)
			.allSatisfy(e -> assertThat(e.get("changes").has("city")).isTrue());
		assertThat(jdbc.sql("SELECT count(*) FROM change_log WHERE no = ? AND source_system = 'crm'")
			.param(contactNo)
			.query(Long.class)
			.single()).as("the change log keeps the source of the carried change too").isPositive();
	}

	@Test
	void aReaderWithoutBankAccountRightsDoesNotSeeBankAccountChanges() {
		long start = headAfterSequencing();
		JsonNode bank = bankAccount("Feed Bank");

		Api viewer = userWithRole("VIEWER");
		assertThat(eventsAfter(viewer, start, ""))
			.noneMatch(e -> e.get("recordType").asString().equals("BANK_ACCOUNT"));
		assertProblem(viewer.get("/api/v1/changes?recordType=BANK_ACCOUNT"), 403, "FORBIDDEN");
		assertThat(eventsAfter(admin(), start, "&recordType=BANK_ACCOUNT"))
			.anyMatch(e -> e.get("no").asString().equals(no(bank)));
	}

	@Test
	void aLongPollAnswersAsSoonAsAChangeIsCommitted() throws Exception {
		long start = headAfterSequencing();
		CompletableFuture<Api.Response> waiting = CompletableFuture
			.supplyAsync(() -> admin().get("/api/v1/changes?recordType=VENDOR&wait=30&after=" + start));
		Thread.sleep(300);
		assertThat(waiting).as("nothing new yet: the reader waits").isNotDone();
		JsonNode vendor = vendor("Venter AS");

		Api.Response answer = waiting.get(20, TimeUnit.SECONDS);
		assertThat(answer.json().get("items")).anyMatch(e -> e.get("no").asString().equals(no(vendor)));
	}

	@Test
	void badCursorsAndFiltersAreRefusedNamingTheParameter() {
		long head = headAfterSequencing();
		assertField(admin().get("/api/v1/changes?after=abc"), 400, "MALFORMED_REQUEST", "after");
		assertField(admin().get("/api/v1/changes?after=-1"), 400, "MALFORMED_REQUEST", "after");
		assertField(admin().get("/api/v1/changes?after=" + (head + 1000)), 422, "VALIDATION_FAILED", "after");
		assertField(admin().get("/api/v1/changes?type=contact.exploded"), 422, "VALIDATION_FAILED", "type");
		assertField(admin().get("/api/v1/changes?recordType=GALAXY"), 422, "VALIDATION_FAILED", "recordType");
		assertField(admin().get("/api/v1/changes?wait=61"), 422, "VALIDATION_FAILED", "wait");
		assertField(admin().header("X-Source-System", "a b").get("/api/v1/changes"), 400, "MALFORMED_REQUEST",
				"X-Source-System");
	}

	@Test
	void aCursorOlderThanTheRetentionIsGone() {
		customer("Gammel AS");
		long head = headAfterSequencing();
		jdbc.sql("UPDATE change_event SET at = at - interval '40 days' WHERE position <= ?").param(head).update();

		sequencer.purgeOlderThan(java.time.Duration.ofDays(30));

		assertProblem(admin().get("/api/v1/changes?after=0"), 410, "CURSOR_EXPIRED");
		assertThat(admin().get("/api/v1/changes?after=" + head).status()).isEqualTo(200);
		assertThat(admin().get("/api/v1/changes").status()).as("no cursor: from the oldest kept").isEqualTo(200);
	}

	@Test
	void theFeedsHeadAndTheOutboxDepthAreMeasured() {
		double before = metric("contactsync.feed.head");
		customer("Målt AS");
		headAfterSequencing();

		assertThat(metric("contactsync.feed.head")).isGreaterThanOrEqualTo(before + 2);
		assertThat(metric("contactsync.outbox.depth")).isGreaterThanOrEqualTo(0);
	}

	private double metric(String name) {
		Api.Response answer = admin().get("/actuator/metrics/" + name);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().get("measurements").get(0).get("value").asDouble();
	}

	private static void assertField(Api.Response response, int status, String code, String field) {
		assertProblem(response, status, code);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

}
