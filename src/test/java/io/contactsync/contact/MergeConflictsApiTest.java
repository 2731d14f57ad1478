package io.contactsync.contact;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of link conflict refuses a merge with nothing written (docs/merge.md,
 * "Conflicts"): contacts linked to different customers, vendors or bank accounts, and a
 * choice that names no record of the conflict. The contacts, both records and the change
 * log stay as they were.
 */
class MergeConflictsApiTest extends DemoCompanyApiTest {

	@ParameterizedTest
	@CsvSource({ "CUSTOMER, /api/v1/customers", "VENDOR, /api/v1/vendors", "BANK_ACCOUNT, /api/v1/bank-accounts" })
	void contactsLinkedToDifferentRecordsOfATypeAreRefusedWithNothingWritten(String type, String path) {
		String tag = unique();
		JsonNode first = create(path, Map.of("name", "Konflikt " + tag + " AS"));
		JsonNode second = create(path, Map.of("name", "Konflikt " + tag + " A/S"));
		String a = text(first, "contactNo");
		String b = text(second, "contactNo");
		Map<String, Long> before = versions(path, first, second);
		int logOfB = log("CONTACT", b);
		int logOfSecond = log(type, no(second));
		Map<String, Object> body = new HashMap<>(Map.of("contactNos", List.of(a, b), "survivorNo", a));

		Api.Response refused = admin().post("/api/v1/contacts/merge", body);
		body.put("keepLinks", Map.of(type, "NOSUCH"));
		Api.Response unknown = admin().post("/api/v1/contacts/merge", body);
		body.put("keepLinks", Map.of(type, no(first)));
		body.put("mergeRecords", Arrays.asList("BANK_ACCOUNT", "PLANET", null));
		Api.Response notMergeable = admin().post("/api/v1/contacts/merge", body);

		assertProblem(refused, 409, "MERGE_CONFLICT");
		JsonNode conflict = refused.json().get("conflicts").get(0);
		assertThat(text(conflict, "linkToTable")).isEqualTo(type);
		assertThat(text(conflict.get("links"), a)).isEqualTo(no(first));
		assertThat(text(conflict.get("links"), b)).isEqualTo(no(second));
		assertProblem(unknown, 422, "VALIDATION_FAILED");
		assertThat(unknown.toString()).contains("keepLinks." + type);
		assertProblem(notMergeable, 422, "VALIDATION_FAILED");
		assertThat(versions(path, first, second)).as("nothing written").isEqualTo(before);
		assertThat(log("CONTACT", b)).isEqualTo(logOfB);
		assertThat(log(type, no(second))).isEqualTo(logOfSecond);
		assertThat(text(read(path + "/" + no(second)), "contactNo")).isEqualTo(b);
	}

	/** The versions of both contacts and both records. */
	private Map<String, Long> versions(String path, JsonNode first, JsonNode second) {
		Map<String, Long> versions = new HashMap<>();
		for (JsonNode record : List.of(first, second)) {
			versions.put(no(record), read(path + "/" + no(record)).get("version").asLong());
			String contact = text(record, "contactNo");
			versions.put(contact, read("/api/v1/contacts/" + contact).get("version").asLong());
		}
		return versions;
	}

	private int log(String recordType, String no) {
		return admin().get("/api/v1/change-log?recordType=" + recordType + "&no=" + no + "&limit=500")
			.json()
			.get("items")
			.size();
	}

}
