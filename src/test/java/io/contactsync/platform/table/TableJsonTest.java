package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class TableJsonTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Keyed by {@code no} as a record is; made as a setup table, which needs no events.
	 */
	private static final Table CUSTOMERS = Table.of("customers", "customer", "Customer", List.of(Field.code("no", 20)),
			Field.text("name", 100).required(), Field.text("city", 30), Field.bool("blocked", false),
			Field.integer("creditDays", 0), Field.code("contactNo", 20).readOnly());

	private static final Table MARKETING_SETUP = Table.singleton("marketing", "marketing_setup", "Marketing setup",
			Field.code("contactNos", 20), Field.text("summary", 50).readOnly());

	@Test
	void aBodyIsReadIntoTypedValuesOfTheFieldsItGives() {
		Map<String, @Nullable Object> values = TableJson.read(CUSTOMERS,
				json("{\"no\": \"k1\", \"name\": \"Aker\", \"blocked\": true, \"creditDays\": 30, \"city\": null}"),
				TableJson.Mode.CREATE);

		assertThat(values).containsExactly(Map.entry("no", "K1"), Map.entry("name", "Aker"), Map.entry("blocked", true),
				Map.entry("creditDays", 30L), nullEntry("city"));
	}

	@Test
	void unknownReadOnlyAndMistypedFieldsAreReportedTogetherAsOneMalformedRequest() {
		JsonNode body = json("{\"colour\": \"red\", \"contactNo\": \"CT1\", \"name\": 5, \"version\": 3}");

		assertThatExceptionOfType(Problems.MalformedRequest.class)
			.isThrownBy(() -> TableJson.read(CUSTOMERS, body, TableJson.Mode.PATCH))
			.satisfies(ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.code()).isEqualTo("MALFORMED_REQUEST");
				assertThat(ex.errors()).extracting(FieldError::field, error -> error.message().english())
					.containsExactly(tuple("colour", "is not a field of Customer"),
							tuple("contactNo", "is read-only; the application maintains it"),
							tuple("name", "must be a string"),
							tuple("version", "is read-only; send the version you read in If-Match"));
			});
	}

	@Test
	void aKeyIsGivenWhenARecordIsCreatedAndNeverChangedByAPatch() {
		JsonNode body = json("{\"no\": \"K2\"}");

		assertThat(TableJson.read(CUSTOMERS, body, TableJson.Mode.CREATE)).containsEntry("no", "K2");
		assertThatExceptionOfType(Problems.MalformedRequest.class)
			.isThrownBy(() -> TableJson.read(CUSTOMERS, body, TableJson.Mode.PATCH))
			.satisfies(ex -> assertThat(ex.errors()).containsExactly(new FieldError("no", "invalid.key.readOnly")));
	}

	@Test
	void aBodyThatIsNotAnObjectIsMalformed() {
		assertThatExceptionOfType(Problems.MalformedRequest.class)
			.isThrownBy(() -> TableJson.read(CUSTOMERS, json("[]"), TableJson.Mode.CREATE))
			.satisfies(ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("body"));
	}

	@Test
	void anAnswerShowsEveryFieldInOrderThenTheVersion() {
		ObjectNode answer = TableJson.write(CUSTOMERS, new Row(Map.of("no", "K1", "name", "Aker", "blocked", true), 7));

		assertThat(fieldNames(answer)).containsExactly("no", "name", "city", "blocked", "creditDays", "contactNo",
				"version");
		assertThat(answer.get("name").asString()).isEqualTo("Aker");
		assertThat(answer.get("city").isNull()).as("a field without a value is shown as null").isTrue();
		assertThat(answer.get("version").asLong()).isEqualTo(7);
	}

	@Test
	void theVersionInASettingsBodyIsCheckedAsIfMatchIsAndAnyVersionWhenItSaysNone() {
		assertThat(TableJson.versionIn(json("{}"))).isSameAs(ExpectedVersion.any());
		assertThat(TableJson.versionIn(json("{\"version\": null}"))).isSameAs(ExpectedVersion.any());

		ExpectedVersion four = TableJson.versionIn(json("{\"version\": 4}"));
		assertThat(four.matches(4)).isTrue();
		assertThat(four.matches(5)).isFalse();

		assertThatExceptionOfType(Problems.MalformedRequest.class)
			.isThrownBy(() -> TableJson.versionIn(json("{\"version\": \"4\"}")))
			.satisfies(ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("version"));
	}

	@Test
	void whatASettingsGetAnsweredCanBePutBackWithOneFieldChanged() {
		Row stored = new Row(Map.of("contactNos", "CT", "summary", "Contacts numbered CT"), 3);
		ObjectNode body = TableJson.write(MARKETING_SETUP, stored);
		body.put("contactNos", "CT2");

		JsonNode withoutEchoes = TableJson.withoutEchoes(MARKETING_SETUP, stored, body);

		assertThat(TableJson.read(MARKETING_SETUP, withoutEchoes, TableJson.Mode.REPLACE))
			.containsExactly(Map.entry("contactNos", "CT2"));
	}

	@Test
	void aReadOnlySettingThatDiffersFromTheStoredOneIsStillRefused() {
		Row stored = new Row(Map.of("contactNos", "CT", "summary", "Contacts numbered CT"), 3);
		ObjectNode body = TableJson.write(MARKETING_SETUP, stored);
		body.put("summary", "Something else");

		JsonNode withoutEchoes = TableJson.withoutEchoes(MARKETING_SETUP, stored, body);

		assertThatExceptionOfType(Problems.MalformedRequest.class)
			.isThrownBy(() -> TableJson.read(MARKETING_SETUP, withoutEchoes, TableJson.Mode.REPLACE))
			.satisfies(ex -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("summary"));
	}

	private static Map.Entry<String, @Nullable Object> nullEntry(String key) {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put(key, null);
		return map.entrySet().iterator().next();
	}

	private static List<String> fieldNames(ObjectNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
