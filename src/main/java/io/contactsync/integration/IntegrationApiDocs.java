package io.contactsync.integration;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * What this module adds to the records' part of the OpenAPI document: their
 * {@code externalIds}, and the typed bodies of the writes by external id (the handlers
 * take and give JSON trees, which say nothing to a client generator).
 */
@Component
class IntegrationApiDocs implements OpenApiCustomizer {

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	/** Schema by resource path. */
	private static final Map<String, String> RECORDS = Map.of("/api/v1/contacts", "Contact", "/api/v1/customers",
			"Customer", "/api/v1/vendors", "Vendor", "/api/v1/bank-accounts", "BankAccount");

	@Override
	public void customise(OpenAPI api) {
		RECORDS.forEach((path, name) -> {
			// The tables' documentation keeps what is added here, before or after it
			// runs.
			if (api.getComponents().getSchemas() == null) {
				api.getComponents().setSchemas(new java.util.LinkedHashMap<>());
			}
			Schema<?> record = api.getComponents().getSchemas().computeIfAbsent(name, n -> new ObjectSchema());
			record.addProperty("externalIds",
					new ObjectSchema().additionalProperties(new StringSchema())
						.readOnly(true)
						.description("The record's ids in other systems, by system: {\"crm\": \"0031x\"}"));
			PathItem item = api.getPaths().get(path + "/by-external-id/{system}/{id}");
			if (item != null) {
				describe(item.getPut(), name);
			}
		});
	}

	private static void describe(Operation put, String name) {
		put.setDescription("Creates the record (201) the first time this system's id is written, and changes it"
				+ " (200, merge patch) afterwards. If-None-Match: * only creates; If-Match only changes that version.");
		put.setRequestBody(new RequestBody().required(true)
			.content(new Content().addMediaType(JSON, new MediaType().schema(ref(name + "Create")))));
		ApiResponses responses = put.getResponses() == null ? new ApiResponses() : put.getResponses();
		responses.remove("200");
		Header etag = new Header().description("The version, quoted.").schema(new StringSchema());
		Content record = new Content().addMediaType(JSON, new MediaType().schema(ref(name)));
		responses.addApiResponse("200",
				new ApiResponse().description("Changed.").addHeaderObject("ETag", etag).content(record));
		responses.addApiResponse("201",
				new ApiResponse().description("Created and coupled with the id.")
					.addHeaderObject("ETag", etag)
					.content(record));
		put.setResponses(responses);
	}

	private static Schema<Object> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

}
