package io.contactsync.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tests on the demo company's setup: the sync switched on for customers (KUNDE),
 * vendors (LEV) and bank accounts (BANK), number series for every record type, and
 * templates. Tests that change setup put it back.
 */
@TestPropertySource(properties = "contactsync.demo=true")
public abstract class DemoCompanyApiTest extends ApiTest {

	protected JsonNode create(String path, Map<String, ?> body) {
		Api.Response created = admin().post(path, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/** Creates the record as described; the answer, with its number and defaults. */
	protected JsonNode create(NewRecord record) {
		return create(record.path(), record.body());
	}

	protected JsonNode company(String name, Object... fields) {
		Map<String, Object> body = fields(fields);
		body.put("type", "COMPANY");
		body.put("name", name);
		return create("/api/v1/contacts", body);
	}

	protected JsonNode person(String name, String companyNo, Object... fields) {
		Map<String, Object> body = fields(fields);
		body.put("type", "PERSON");
		body.put("name", name);
		if (companyNo != null) {
			body.put("companyNo", companyNo);
		}
		return create("/api/v1/contacts", body);
	}

	protected JsonNode customer(String name, Object... fields) {
		Map<String, Object> body = fields(fields);
		body.put("name", name);
		return create("/api/v1/customers", body);
	}

	protected JsonNode vendor(String name, Object... fields) {
		Map<String, Object> body = fields(fields);
		body.put("name", name);
		return create("/api/v1/vendors", body);
	}

	protected JsonNode bankAccount(String name, Object... fields) {
		Map<String, Object> body = fields(fields);
		body.put("name", name);
		return create("/api/v1/bank-accounts", body);
	}

	/** The current state of a record. */
	protected JsonNode read(String path) {
		Api.Response read = admin().get(path);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		return read.json();
	}

	/** A merge patch with the record's current version. */
	protected Api.Response patch(String path, Object... fields) {
		long version = read(path).get("version").asLong();
		return admin().ifMatch(version).patch(path, fields(fields));
	}

	protected JsonNode patched(String path, Object... fields) {
		Api.Response patched = patch(path, fields);
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		return patched.json();
	}

	/** Changes one field of marketing setup, keeping the others. */
	protected void setMarketing(String field, Object value) {
		Map<String, Object> body = Api.JSON.convertValue(read("/api/v1/setup/marketing"), Map.class);
		body.remove("version");
		body.put(field, value);
		Api.Response put = admin().put("/api/v1/setup/marketing", body);
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
	}

	protected static String no(JsonNode record) {
		return record.get("no").asString();
	}

	protected static String text(JsonNode record, String field) {
		JsonNode value = record.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	/**
	 * Two records alike but for what numbering gives them (their numbers, the numbers of
	 * the records they name, their versions and times), and for the fields named.
	 */
	protected static void assertSameExceptNumbers(JsonNode actual, JsonNode expected, String... alsoNumbers) {
		ObjectNode left = ((ObjectNode) actual).deepCopy();
		ObjectNode right = ((ObjectNode) expected).deepCopy();
		List<String> numbers = new ArrayList<>(List.of("no", "companyNo", "version", "lastModifiedAt"));
		numbers.addAll(List.of(alsoNumbers));
		for (String field : numbers) {
			left.remove(field);
			right.remove(field);
		}
		assertThat(left).isEqualTo(right);
	}

	private static Map<String, Object> fields(Object... pairs) {
		Map<String, Object> body = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

}
