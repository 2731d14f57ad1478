package io.contactsync.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.ContactSyncProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says of the whole API: who may call it (Basic and bearer),
 * where (the configured {@code contactsync.public-url}, else relative to where the
 * document was read: the Host header of a request is never echoed), and the problem every
 * operation may answer, by status with the codes it carries (see docs/rest.md, "Error
 * codes").
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	/** The problems each status stands for, and their codes. */
	private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("400", "Malformed: not JSON, a wrong type, an unknown or read-only field, a bad If-Match."
				+ " Code: MALFORMED_REQUEST.");
		PROBLEMS.put("401", "No or wrong credentials. Code: UNAUTHORIZED.");
		PROBLEMS.put("403", "Your roles do not allow this. Code: FORBIDDEN.");
		PROBLEMS.put("404",
				"No row with that key. Codes: NOT_FOUND; MERGED for a contact merged into another, named in mergedInto.");
		PROBLEMS.put("409",
				"The key exists already, a delete would break a reference, or contacts cannot be merged as asked."
						+ " Codes: ALREADY_EXISTS, IN_USE, MERGE_CONFLICT.");
		PROBLEMS.put("412",
				"If-Match (or version) is stale; currentVersion says the version now." + " Code: VERSION_CONFLICT.");
		PROBLEMS.put("422",
				"A value breaks a rule; errors names each field. Codes: VALIDATION_FAILED, UNKNOWN_CODE,"
						+ " NUMBER_SERIES_MISSING, NUMBER_SERIES_EXHAUSTED, MANUAL_NOS_NOT_ALLOWED,"
						+ " BUSINESS_RELATION_CODE_MISSING, CONTACT_ALREADY_LINKED, RECORD_ALREADY_LINKED,"
						+ " COMPANY_CONTACT_REQUIRED, TEMPLATE_REQUIRED, CUSTOMER_REQUIRED, VENDOR_REQUIRED,"
						+ " CONTACT_EMAIL_MISSING.");
		PROBLEMS.put("428", "If-Match is missing. Code: PRECONDITION_REQUIRED.");
		PROBLEMS.put("503", "The database is away; retry after Retry-After. Code: SERVICE_UNAVAILABLE.");
	}

	@Bean
	OpenAPI contactSyncApi(ContactSyncProperties properties) {
		return new OpenAPI()
			.info(new Info().title("ContactSync API")
				.version("1")
				.description("Contacts, customers, vendors and bank accounts, linked and kept in step."
						+ " Conventions: docs/rest.md in the repository."))
			.servers(
					List.of(new Server().url(properties.publicUrl() == null ? "/" : properties.publicUrl().toString())))
			.components(new Components()
				.addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A token from POST /api/v1/users/{username}/tokens")))
			.addSecurityItem(new SecurityRequirement().addList("basicAuth"))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

	@Bean
	OpenApiCustomizer problemsOnEveryOperation() {
		return api -> {
			// Bodies read as JSON trees are described by their resources' schemas;
			// Jackson's tree type itself says nothing to a client.
			if (api.getComponents().getSchemas() != null) {
				api.getComponents().getSchemas().remove("JsonNode");
			}
			api.getComponents().addSchemas(PROBLEM, problem());
			api.getComponents().addSchemas("FieldProblem", fieldProblem());
			PROBLEMS
				.forEach((status, description) -> api.getComponents()
					.addResponses(PROBLEM + status, new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				// A generated client names its classes after the tags: CustomerApi, not
				// CustomerControllerApi.
				if (operation.getTags() != null) {
					operation.setTags(operation.getTags().stream().map(tag -> tag.replace("-controller", "")).toList());
				}
				ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
						: operation.getResponses();
				for (String status : statusesOf(path, method)) {
					responses.addApiResponse(status,
							new ApiResponse().$ref("#/components/responses/" + PROBLEM + status));
				}
				operation.setResponses(responses);
			}));
		};
	}

	/** The problems an operation may answer, from what it is. */
	private static List<String> statusesOf(String path, PathItem.HttpMethod method) {
		boolean keyed = path.contains("{");
		boolean writes = method != PathItem.HttpMethod.GET;
		boolean versioned = method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
		java.util.ArrayList<String> statuses = new java.util.ArrayList<>(List.of("400", "401", "403"));
		if (keyed) {
			statuses.add("404");
		}
		if (writes) {
			statuses.add("409");
		}
		if (versioned || method == PathItem.HttpMethod.PUT) {
			statuses.add("412");
		}
		if (writes) {
			statuses.add("422");
		}
		if (versioned) {
			statuses.add("428");
		}
		statuses.add("503");
		return statuses;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema problem() {
		Schema schema = new ObjectSchema().description("An RFC 9457 problem: what is wrong and how to fix it.");
		schema.addProperty("type", new StringSchema());
		schema.addProperty("title", new StringSchema());
		schema.addProperty("status", new IntegerSchema());
		schema.addProperty("detail", new StringSchema().description("What to do, in the caller's language."));
		schema.addProperty("instance", new StringSchema());
		schema.addProperty("code", new StringSchema().description(
				"The stable code of the condition; never changes with the language (docs/rest.md, \"Error codes\")."));
		schema.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem")));
		schema.addProperty("currentVersion",
				new IntegerSchema().format("int64").description("With VERSION_CONFLICT: the version now."));
		schema.setRequired(List.of("status", "code"));
		return schema;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema fieldProblem() {
		Schema schema = new ObjectSchema().description("What is wrong with one field.");
		schema.addProperty("field", new StringSchema());
		schema.addProperty("message", new StringSchema());
		schema.setRequired(List.of("field", "message"));
		return schema;
	}

}
