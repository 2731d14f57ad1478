package io.contactsync.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka relay against a real broker in the test JVM: every committed change arrives,
 * nothing of a rolled-back one, in order per record.
 */
@EmbeddedKafka(partitions = 3, topics = { "contactsync.contact", "contactsync.customer" },
		bootstrapServersProperty = "contactsync.events.kafka.bootstrap-servers")
class KafkaRelayTest extends DemoCompanyApiTest {

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void everyCommittedChangeArrivesInOrderPerRecordAndNothingOfARolledBackOne() {
		JsonNode customer = customer("Kafka Kunde AS");
		String no = no(customer);
		String contactNo = text(customer, "contactNo");
		for (int i = 1; i <= 5; i++) {
			patched("/api/v1/customers/" + no, "phoneNo", "+47 90 00 00 0" + i);
		}
		Api.Response stale = admin().ifMatch(1).patch("/api/v1/customers/" + no, Map.of("city", "Rullet Tilbake"));
		assertThat(stale.status()).isEqualTo(412);
		patched("/api/v1/contacts/" + contactNo, "city", "Alta");

		Map<String, List<JsonNode>> byRecord = consume(Set.of("contactsync.customer", "contactsync.contact"),
				Map.of(no, 7, contactNo, 7));

		List<JsonNode> customerEvents = byRecord.get(no);
		assertThat(customerEvents).extracting(e -> e.get("version").asLong())
			.as("one record's events in commit order")
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		assertThat(customerEvents.get(0).get("type").asString()).isEqualTo("customer.created");
		assertThat(customerEvents).noneMatch(e -> e.toString().contains("Rullet Tilbake"));
		assertThat(customerEvents.get(6).get("changes").get("city").get("new").asString())
			.as("what the sync carried from the contact")
			.isEqualTo("Alta");
		assertThat(byRecord.get(contactNo)).extracting(e -> e.get("version").asLong())
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
	}

	/**
	 * Reads the topics until each record has the expected number of events, keyed by
	 * record number; fails after a minute.
	 */
	private Map<String, List<JsonNode>> consume(Set<String> topics, Map<String, Integer> expected) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "kafka-relay-test-" + unique(), false);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, List<JsonNode>> byRecord = new HashMap<>();
		Set<String> ids = new HashSet<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(topics);
			long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			while (!complete(byRecord, expected) && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (!expected.containsKey(record.key())) {
						continue;
					}
					JsonNode event = Api.JSON.readTree(record.value());
					assertThat(event.get("no").asString()).isEqualTo(record.key());
					String id = new String(record.headers().lastHeader("id").value());
					assertThat(id).isEqualTo(event.get("id").asString());
					if (ids.add(id)) {
						byRecord.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
					}
				}
			}
		}
		expected.forEach((no, count) -> assertThat(byRecord.getOrDefault(no, List.of())).as(no).hasSize(count));
		return byRecord;
	}

	private static boolean complete(Map<String, List<JsonNode>> byRecord, Map<String, Integer> expected) {
		return expected.entrySet()
			.stream()
			.allMatch(e -> byRecord.getOrDefault(e.getKey(), List.of()).size() >= e.getValue());
	}

}
