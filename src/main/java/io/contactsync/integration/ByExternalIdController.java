package io.contactsync.integration;

import java.net.URI;
import java.util.List;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.table.TableJson;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT
 * /api/v1/{contacts|customers|vendors|bank-accounts}/by-external-id/{system}/{id}}:
 * creates (201) or changes (200) the record another system knows by its own id
 * (docs/integration.md, "Coupling by external id"). The body is the record's fields, as
 * for a creation or a merge patch.
 */
@RestController
class ByExternalIdController {

	private static final String BY_ID = "/by-external-id/{system}/{id}";

	private final Coupling coupling;

	private final ExternalIds ids;

	ByExternalIdController(Coupling coupling, ExternalIds ids) {
		this.coupling = coupling;
		this.ids = ids;
	}

	@Operation(operationId = "putContactByExternalId")
	@PutMapping("/api/v1/contacts" + BY_ID)
	ResponseEntity<JsonNode> contact(@PathVariable String system, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
			@RequestBody JsonNode body) {
		return put("CONTACT", "/api/v1/contacts", system, id, ifMatch, ifNoneMatch, body);
	}

	@Operation(operationId = "putCustomerByExternalId")
	@PutMapping("/api/v1/customers" + BY_ID)
	ResponseEntity<JsonNode> customer(@PathVariable String system, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
			@RequestBody JsonNode body) {
		return put("CUSTOMER", "/api/v1/customers", system, id, ifMatch, ifNoneMatch, body);
	}

	@Operation(operationId = "putVendorByExternalId")
	@PutMapping("/api/v1/vendors" + BY_ID)
	ResponseEntity<JsonNode> vendor(@PathVariable String system, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
			@RequestBody JsonNode body) {
		return put("VENDOR", "/api/v1/vendors", system, id, ifMatch, ifNoneMatch, body);
	}

	@Operation(operationId = "putBankAccountByExternalId")
	@PutMapping("/api/v1/bank-accounts" + BY_ID)
	ResponseEntity<JsonNode> bankAccount(@PathVariable String system, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch,
			@RequestBody JsonNode body) {
		return put("BANK_ACCOUNT", "/api/v1/bank-accounts", system, id, ifMatch, ifNoneMatch, body);
	}

	private ResponseEntity<JsonNode> put(String recordType, String path, String system, String id,
			@Nullable String ifMatch, @Nullable String ifNoneMatch, JsonNode body) {
		boolean createOnly = ifNoneMatch != null && ifNoneMatch.strip().equals("*");
		Coupling.Written written = coupling.put(recordType, system, id, body, ifMatch, createOnly);
		String no = written.record().text("no");
		ObjectNode json = (ObjectNode) TableJson.write(written.table(), written.record());
		ExternalIdsInAnswers.add(json, ids.of(recordType, List.of(no)).get(no));
		ResponseEntity.BodyBuilder answer = written.created() ? ResponseEntity.created(URI.create(path + "/" + no))
				: ResponseEntity.ok();
		return answer.eTag(ExpectedVersion.etag(written.record().version())).body(json);
	}

}
