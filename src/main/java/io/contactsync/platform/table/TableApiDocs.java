package io.contactsync.platform.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.contactsync.platform.Message;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Describes every {@link TableResource} in the OpenAPI document from its table's fields,
 * so that the document says what the API does and a client can be generated from it: per
 * table a schema of the answer ({@code Customer}), of a new row ({@code CustomerCreate})
 * and of a merge patch ({@code CustomerPatch}), with types, lengths, enumerations,
 * required and read-only fields; and stable operation ids ({@code createCustomer},
 * {@code listCustomers}).
 */
@Component
class TableApiDocs implements OpenApiCustomizer {

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	private final ObjectProvider<TableResource> resources;

	TableApiDocs(ObjectProvider<TableResource> resources) {
		this.resources = resources;
	}

	@Override
	public void customise(OpenAPI openApi) {
		resources.orderedStream().forEach(resource -> describe(openApi, resource.path(), resource.table()));
	}

	private void describe(OpenAPI api, String path, Table table) {
		String name = singular(table);
		Schema<Object> answer = answer(table);
		// Properties another module adds to the answer (the integration's externalIds)
		// stay, whichever customizer runs first: springdoc keeps them in no order.
		Schema<?> added = api.getComponents().getSchemas() == null ? null : api.getComponents().getSchemas().get(name);
		if (added != null && added.getProperties() != null) {
			added.getProperties().forEach(answer.getProperties()::putIfAbsent);
		}
		api.schema(name, answer);
		PathItem collection = api.getPaths() == null ? null : api.getPaths().get(path);
		if (table.isSingleton()) {
			if (collection != null) {
				operation(collection.getGet(), "get" + name, null, "200", ok(name));
				operation(collection.getPut(), "replace" + name, name, "200", ok(name));
			}
			return;
		}
		api.schema(name + "Create", request(table, true));
		api.schema(name + "Patch", request(table, false));
		api.schema("Page" + name, page(name));
		if (collection != null) {
			operation(collection.getGet(), "list" + plural(table), null, "200", list("Page" + name));
			operation(collection.getPost(), "create" + name, name + "Create", "201", created(name));
		}
		PathItem item = api.getPaths() == null ? null : api.getPaths().get(path + keyPath(table));
		if (item != null) {
			operation(item.getGet(), "get" + name, null, "200", ok(name));
			operation(item.getPatch(), "patch" + name, name + "Patch", "200", ok(name));
			operation(item.getDelete(), "delete" + name, null, "204", new ApiResponse().description("Deleted."));
		}
	}

	private static void operation(Operation operation, String id, String request, String status, ApiResponse success) {
		if (operation == null) {
			return;
		}
		operation.setOperationId(id);
		if (request != null) {
			Content content = new Content().addMediaType(JSON, new MediaType().schema(ref(request)));
			if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
					&& operation.getRequestBody().getContent().containsKey("application/merge-patch+json")) {
				content.addMediaType("application/merge-patch+json", new MediaType().schema(ref(request)));
			}
			operation.setRequestBody(new RequestBody().required(true).content(content));
		}
		// What the handler's Java signature made of its answer goes; the problems stay,
		// and so do the files another module has said the operation answers with (the
		// exports' CSV, say), whichever customizer ran first.
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		ApiResponse before = responses.remove("200");
		if (before != null && before.getContent() != null && success.getContent() != null) {
			before.getContent().forEach((type, media) -> {
				if (!type.equals("*/*") && !type.equals(JSON)) {
					success.getContent().addMediaType(type, media);
				}
			});
		}
		operation.setResponses(responses.addApiResponse(status, success));
	}

	private static ApiResponse ok(String schema) {
		return new ApiResponse().description("OK; the ETag is the version.")
			.addHeaderObject("ETag", etag())
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema))));
	}

	private static ApiResponse list(String schema) {
		return new ApiResponse().description("OK")
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema))));
	}

	private static ApiResponse created(String schema) {
		return new ApiResponse().description("Created; Location names it, the ETag is its version.")
			.addHeaderObject("ETag", etag())
			.addHeaderObject("Location", new Header().schema(new StringSchema()))
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema))));
	}

	private static Header etag() {
		return new Header().description("The version, quoted: send it back in If-Match to change the row.")
			.schema(new StringSchema());
	}

	private static Schema<Object> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	/** The answer: every field, always present, and the version. */
	private static Schema<Object> answer(Table table) {
		Schema<Object> schema = new ObjectSchema().description(table.title());
		List<String> required = new ArrayList<>();
		for (Field field : table.allFields()) {
			schema.addProperty(field.name(), property(field, Use.ANSWER, table.isKey(field.name())));
			required.add(field.name());
		}
		schema.addProperty("version",
				new IntegerSchema().format("int64").readOnly(true).description("Raised by one with every write."));
		required.add("version");
		schema.setRequired(required);
		return schema;
	}

	/**
	 * A new row ({@code create}): the fields a client may set, those without a default
	 * required; or a merge patch: the same fields but keys, each optional, null clears.
	 */
	private static Schema<Object> request(Table table, boolean create) {
		Schema<Object> schema = new ObjectSchema()
			.description(create ? "A new " + table.title().toLowerCase(Locale.ROOT) : "A JSON merge patch of a "
					+ table.title().toLowerCase(Locale.ROOT) + ": the fields present change, null clears one.");
		List<String> required = new ArrayList<>();
		for (Field field : create ? table.allFields() : table.fields()) {
			if (field.isReadOnly()) {
				continue;
			}
			schema.addProperty(field.name(), property(field, create ? Use.CREATE : Use.PATCH, false));
			if (create && field.isRequired()) {
				required.add(field.name());
			}
		}
		schema.setAdditionalProperties(false);
		if (!required.isEmpty()) {
			schema.setRequired(required);
		}
		return schema;
	}

	private static Schema<Object> page(String name) {
		Schema<Object> schema = new ObjectSchema().description("One page of a keyset-paged list.");
		schema.addProperty("items", new ArraySchema().items(ref(name)));
		schema.addProperty("next",
				new StringSchema().nullable(true).description("The cursor of the next page; null on the last."));
		schema.setRequired(List.of("items", "next"));
		return schema;
	}

	/**
	 * Where a field's schema is used: answers show every field, requests what they may
	 * set.
	 */
	private enum Use {

		ANSWER, CREATE, PATCH

	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema property(Field field, Use use, boolean key) {
		Schema schema = switch (field.kind()) {
			case TEXT, CODE -> new StringSchema().maxLength(field.maxLength());
			case ENUM -> new StringSchema()._enum(field.values());
			case BOOLEAN -> new BooleanSchema();
			case INTEGER -> {
				IntegerSchema number = new IntegerSchema();
				number.format("int64").minimum(BigDecimal.valueOf(field.min()));
				yield number;
			}
			case DECIMAL -> new NumberSchema().minimum(BigDecimal.ZERO);
			case INSTANT -> new DateTimeSchema();
		};
		if (field.isReadOnly()) {
			schema.readOnly(true);
		}
		if (use == Use.PATCH || !(field.isRequired() || key)) {
			schema.nullable(true);
		}
		if (use == Use.CREATE && field.defaultValue() != null) {
			schema.setDefault(field.defaultValue());
		}
		if (field.format() != null) {
			schema.description(Message.of(field.format().hint()).english());
		}
		if (field.reference() != null) {
			String description = "A code of " + field.reference().what() + ".";
			schema.description(
					schema.getDescription() == null ? description : schema.getDescription() + " " + description);
		}
		return schema;
	}

	/** The path of one row under the resource: its keys as path variables. */
	private static String keyPath(Table table) {
		StringBuilder path = new StringBuilder();
		for (Field key : table.keys()) {
			path.append("/{").append(key.name()).append('}');
		}
		return path.toString();
	}

	/** "Bank account" → BankAccount; "Country/region" → CountryRegion. */
	static String singular(Table table) {
		return pascal(table.title());
	}

	/** bank-accounts → BankAccounts; setup/marketing → SetupMarketing. */
	static String plural(Table table) {
		return pascal(table.resource());
	}

	private static String pascal(String words) {
		StringBuilder name = new StringBuilder();
		for (String word : words.split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
			}
		}
		return name.toString();
	}

}
