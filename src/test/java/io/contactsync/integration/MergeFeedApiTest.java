package io.contactsync.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge of contacts reaches the change feed as typed events (docs/merge.md, events.md).
 */
class MergeFeedApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sequencer sequencer;

	@Test
	void theFeedCarriesTheMergeAndWhatItMovedNamingItAsTheirCause() {
		long start = SequencedFeed.head(jdbc, sequencer);
		String survivor = no(company("Feed " + unique() + " AS"));
		String merged = no(company("Feed " + unique() + " A/S"));
		String person = no(person("Per " + unique(), merged));
		Api.Response merge = admin().post("/api/v1/contacts/merge",
				Map.of("contactNos", List.of(survivor, merged), "survivorNo", survivor));
		assertThat(merge.status()).as(merge.toString()).isEqualTo(200);

		SequencedFeed.head(jdbc, sequencer);
		List<JsonNode> events = new ArrayList<>();
		admin().get("/api/v1/changes?limit=1000&after=" + start).json().get("items").forEach(events::add);

		JsonNode gone = events.stream()
			.filter(e -> e.get("no").asString().equals(merged) && e.get("type").asString().equals("contact.merged"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no contact.merged in " + events));
		assertThat(gone.get("changes").get("mergedInto").get("new").asString()).isEqualTo(survivor);
		assertThat(
				events.stream().filter(e -> e.get("no").asString().equals(merged)).map(e -> e.get("type").asString()))
			.as("merged, not deleted")
			.doesNotContain("contact.deleted");
		JsonNode moved = events.stream()
			.filter(e -> e.get("no").asString().equals(person) && e.get("type").asString().equals("contact.changed"))
			.findFirst()
			.orElseThrow();
		assertThat(moved.get("changes").get("companyNo").get("new").asString()).isEqualTo(survivor);
		assertThat(moved.get("causedBy").isNull()).as("the person moved because of the merge").isFalse();
	}

}
