package io.contactsync.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the merge API tests set up alike, and read alike from a merge's answer.
 */
final class MergeFixtures {

	static final String MERGE = "/api/v1/contacts/merge";

	private MergeFixtures() {
	}

	/**
	 * Two companies named alike, each linked to a record of its own of one type: the
	 * contacts a merge finds linked to different records, which it merges only once the
	 * request says which link stays (docs/merge.md).
	 *
	 * @param a the first record's company contact
	 * @param b the second record's company contact
	 * @param recordOfA the first record's number
	 * @param recordOfB the second record's number
	 */
	record LinkedCompanies(String a, String b, String recordOfA, String recordOfB) {
	}

	/**
	 * Records "{@code name} AS" and "{@code name} A/S" made at {@code path} (customers,
	 * vendors) with the given fields each; the sync makes and links their companies.
	 */
	static LinkedCompanies linkedCompanies(Api admin, String path, String name, Map<String, Object> fieldsOfFirst,
			Map<String, Object> fieldsOfSecond) {
		JsonNode first = created(admin, path, name + " AS", fieldsOfFirst);
		JsonNode second = created(admin, path, name + " A/S", fieldsOfSecond);
		return new LinkedCompanies(first.get("contactNo").asString(), second.get("contactNo").asString(),
				first.get("no").asString(), second.get("no").asString());
	}

	/** The keys of a merge's (or its preview's) moves of one kind, in its order. */
	static List<String> moves(JsonNode answer, String kind) {
		List<String> keys = new ArrayList<>();
		answer.get("moves").forEach(move -> {
			if (move.get("kind").asString().equals(kind)) {
				keys.add(move.get("key").asString());
			}
		});
		return keys;
	}

	private static JsonNode created(Api admin, String path, String name, Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("name", name);
		Api.Response created = admin.post(path, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("contactNo").isString()).as("linked to a company: " + created).isTrue();
		return created.json();
	}

}
