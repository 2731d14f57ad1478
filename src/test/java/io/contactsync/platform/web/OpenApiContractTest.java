package io.contactsync.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is a contract: the copy in the repository (docs/openapi.json, from
 * which the build generates the client that GeneratedClientTest drives) is what the
 * application serves, and it describes every operation well enough to build a client.
 */
class OpenApiContractTest extends ApiTest {

	static final Path COMMITTED = Path.of("docs/openapi.json");

	static final Path SERVED = Path.of("target/openapi.json");

	@Test
	void theCommittedDocumentIsTheServedOne() throws IOException {
		String served = anonymous().get("/v3/api-docs").text();
		Files.writeString(SERVED, served);

		JsonNode committed = Api.JSON.readTree(Files.readString(COMMITTED));

		List<String> differences = new ArrayList<>();
		differences("", committed, Api.JSON.readTree(served), differences);
		assertThat(differences)
			.as("The served OpenAPI document differs from %s where listed. If the API change is meant,"
					+ " copy %s there (the build generates its client from it).", COMMITTED, SERVED)
			.isEmpty();
	}

	/** The JSON pointers where two documents differ, the first twenty. */
	private static void differences(String at, JsonNode committed, JsonNode served, List<String> found) {
		if (found.size() >= 20 || committed.equals(served)) {
			return;
		}
		if (committed.isObject() && served.isObject()) {
			Set<String> names = new java.util.TreeSet<>(committed.propertyNames());
			names.addAll(served.propertyNames());
			for (String name : names) {
				String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
				if (!committed.has(name) || !served.has(name)) {
					found.add(pointer + (committed.has(name) ? " is no longer served" : " is new"));
				}
				else {
					differences(pointer, committed.get(name), served.get(name), found);
				}
			}
			return;
		}
		found.add(at + ": " + abbreviate(committed) + " -> " + abbreviate(served));
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return text.length() > 80 ? text.substring(0, 77) + "..." : text;
	}

	@Test
	void everyOperationHasAStableIdAndTypedBodies() {
		JsonNode api = anonymous().get("/v3/api-docs").json();
		Set<String> ids = new HashSet<>();
		List<String> untyped = new ArrayList<>();
		api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			String where = operation.getKey().toUpperCase() + " " + path.getKey();
			String id = operation.getValue().path("operationId").asString("");
			assertThat(id).as(where).matches("[a-z][A-Za-z]+");
			assertThat(ids.add(id)).as("%s: operationId %s is taken", where, id).isTrue();
			assertThat(operation.getValue().path("responses").propertyNames()).as("%s answers problems", where)
				.contains("400", "401", "403");
			String body = operation.getValue().path("requestBody").toString()
					+ operation.getValue().path("responses").toString();
			if (body.contains("JsonNode")) {
				untyped.add(where);
			}
		}));
		assertThat(untyped).as("operations whose bodies the document does not describe").isEmpty();
		List<String> dangling = new ArrayList<>();
		java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"#/components/(\\w+)/(\\w+)\"")
			.matcher(api.toString());
		while (refs.find()) {
			if (!api.path("components").path(refs.group(1)).has(refs.group(2))) {
				dangling.add(refs.group(2));
			}
		}
		assertThat(dangling).as("references to schemas the document does not have").isEmpty();
		assertThat(api.path("components").path("schemas").has("JsonNode")).isFalse();
		assertThat(api.path("components").path("securitySchemes").propertyNames()).contains("basicAuth", "bearerAuth");
	}

	@Test
	void aRecordsSchemaSaysWhatEachFieldTakes() {
		JsonNode schemas = anonymous().get("/v3/api-docs").json().path("components").path("schemas");

		JsonNode create = schemas.path("CustomerCreate");
		assertThat(create.path("required").toString()).contains("\"name\"");
		assertThat(create.path("properties").path("name").path("maxLength").asInt()).isEqualTo(100);
		assertThat(create.path("properties").has("contactNo")).as("read-only: not in a request").isFalse();
		assertThat(create.path("properties").path("blocked").path("enum").toString()).contains("INVOICE");
		JsonNode customer = schemas.path("Customer");
		assertThat(customer.path("properties").path("contactNo").path("readOnly").asBoolean()).isTrue();
		assertThat(customer.path("properties").path("version").path("type").asString()).isEqualTo("integer");
		assertThat(schemas.path("CustomerPatch").path("properties").has("no")).as("a key never changes").isFalse();
		assertThat(schemas.path("Problem").path("properties").propertyNames()).contains("code", "errors",
				"currentVersion");
	}

}
