package io.contactsync.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Documents the seven document resources one by one: one controller serves them all
 * through a path variable, but each has its own party fields, so a client sees
 * {@code /api/v1/sales-quotes} with a {@code SalesQuote} and {@code createSalesQuote}.
 */
@Component
class DocumentApiDocs implements OpenApiCustomizer {

	private static final String BASE = "/api/v1/{resource}";

	private static final String JSON = "application/json";

	@Override
	public void customise(OpenAPI api) {
		Paths paths = api.getPaths();
		if (paths == null) {
			return;
		}
		List<String> generic = paths.keySet().stream().filter(path -> path.startsWith(BASE)).toList();
		Schema<Object> line = line();
		api.schema("DocumentLine", line);
		for (DocumentKind kind : DocumentKind.values()) {
			String name = name(kind);
			api.schema(name, document(kind, false));
			api.schema(name + "Request", document(kind, true));
			api.schema("Page" + name, page(name));
			for (String path : generic) {
				if (path.endsWith("/make-order") && !kind.makesOrders()) {
					continue;
				}
				PathItem concrete = copyFor(paths.get(path), kind);
				paths.addPathItem(path.replace("{resource}", kind.resource()), concrete);
			}
		}
		generic.forEach(paths::remove);
	}

	private static PathItem copyFor(PathItem generic, DocumentKind kind) {
		String name = name(kind);
		PathItem item = new PathItem();
		generic.readOperationsMap().forEach((method, operation) -> {
			ApiResponses responses = new ApiResponses();
			if (operation.getResponses() != null) {
				responses.putAll(operation.getResponses());
			}
			Operation copy = new Operation().summary(operation.getSummary())
				.responses(responses)
				.requestBody(operation.getRequestBody())
				.tags(List.of("documents"));
			List<Parameter> parameters = new ArrayList<>();
			if (operation.getParameters() != null) {
				operation.getParameters()
					.stream()
					.filter(parameter -> !"resource".equals(parameter.getName()))
					.forEach(parameters::add);
			}
			copy.setParameters(parameters.isEmpty() ? null : parameters);
			String verb = operation.getOperationId();
			copy.setOperationId(switch (verb) {
				case "listDocuments" -> "list" + name + "s";
				case "makeOrder" -> "makeOrderFrom" + name;
				default -> verb.replace("Document", name);
			});
			if (copy.getRequestBody() != null && !verb.equals("makeOrder") && !verb.equals("sendDocument")) {
				copy.setRequestBody(new RequestBody().required(true)
					.content(new Content().addMediaType(JSON, new MediaType().schema(ref(name + "Request")))));
			}
			if (verb.equals("listDocuments")) {
				copy.setResponses(copy.getResponses().addApiResponse("200", answer("Page" + name)));
			}
			else if (verb.equals("createDocument")) {
				responses.remove("200");
				responses.addApiResponse("201", answer(name));
			}
			else if (verb.equals("makeOrder")) {
				responses.remove("200");
				responses.addApiResponse("201", answer(name(kind.orderKind())));
			}
			else if (verb.equals("getDocument") || verb.equals("patchDocument")) {
				copy.setResponses(copy.getResponses().addApiResponse("200", answer(name)));
			}
			item.operation(method, copy);
		});
		return item;
	}

	private static ApiResponse answer(String schema) {
		return new ApiResponse().description("OK; the ETag is the version.")
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema))));
	}

	/** SALES_QUOTE → SalesQuote. */
	static String name(DocumentKind kind) {
		StringBuilder name = new StringBuilder();
		for (String word : kind.name().split("_")) {
			name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
		}
		return name.toString();
	}

	/** The answer ({@code request} false), or what a create or merge patch may send. */
	private static Schema<Object> document(DocumentKind kind, boolean request) {
		Schema<Object> schema = new ObjectSchema().description(kind.title(false));
		if (!request) {
			schema.addProperty("no", new StringSchema().maxLength(20).readOnly(true));
		}
		schema.addProperty("documentDate", new DateSchema().nullable(true));
		schema.addProperty(kind.contactField(), code(20, "The contact the document is for."));
		schema.addProperty(kind.recordField(), code(20, kind.side() == DocumentKind.Side.PURCHASE
				? "The vendor; filled from the contact's link when it has one." : "The customer."));
		if (kind.recordNameField() != null && !request) {
			schema.addProperty(kind.recordNameField(), new StringSchema().nullable(true).readOnly(true));
		}
		if (kind.templateField() != null) {
			schema.addProperty(kind.templateField(), code(20, "The template a party without a record takes."));
		}
		schema.addProperty(kind.salespersonField(), code(20, null));
		schema.addProperty("currencyCode", code(20, null));
		schema.addProperty("description", new StringSchema().maxLength(100).nullable(true));
		schema.addProperty("status", new StringSchema()._enum(List.of("OPEN", "RELEASED")).nullable(request));
		schema.addProperty("lines", new ArraySchema().items(ref("DocumentLine")).nullable(request));
		if (!request) {
			schema.addProperty("amount", new NumberSchema().readOnly(true));
			schema.addProperty("quoteNo", new StringSchema().nullable(true).readOnly(true));
			schema.addProperty("version", new IntegerSchema().format("int64").readOnly(true));
			schema.setRequired(List.of("no", "documentDate", "status", "lines", "amount", "version"));
		}
		else {
			schema.setAdditionalProperties(false);
		}
		return schema;
	}

	private static Schema<Object> line() {
		Schema<Object> schema = new ObjectSchema().description("A line of a document.");
		schema.addProperty("lineNo", new IntegerSchema());
		schema.addProperty("description", new StringSchema().maxLength(100));
		schema.addProperty("quantity", new NumberSchema());
		schema.addProperty("unitPrice", new NumberSchema());
		schema.addProperty("lineAmount", new NumberSchema().readOnly(true));
		return schema;
	}

	private static Schema<Object> page(String name) {
		Schema<Object> schema = new ObjectSchema().description("One page of a keyset-paged list.");
		schema.addProperty("items", new ArraySchema().items(ref(name)));
		schema.addProperty("next", new StringSchema().nullable(true));
		schema.setRequired(List.of("items", "next"));
		return schema;
	}

	@SuppressWarnings("unchecked")
	private static Schema<Object> code(int maxLength, String description) {
		Schema<Object> schema = (Schema<Object>) (Schema<?>) new StringSchema().maxLength(maxLength).nullable(true);
		if (description != null) {
			schema.description(description);
		}
		return schema;
	}

	private static Schema<Object> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

}
