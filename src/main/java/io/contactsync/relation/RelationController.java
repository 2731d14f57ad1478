package io.contactsync.relation;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.TableJson;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.LinkedRecordType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts/{no}")
class RelationController {

	private final Linking linking;

	private final LinkedRecords records;

	private final TableStore store;

	RelationController(Linking linking, LinkedRecords records, TableStore store) {
		this.linking = linking;
		this.records = records;
		this.store = store;
	}

	record PlainRelationRequest(@Nullable String businessRelationCode) {
	}

	record LinkRequest(@Nullable LinkedRecordType linkToTable, @Nullable String no,
			Linking.@Nullable MasterFields currentMasterFields) {
	}

	record CreateCustomerRequest(@Nullable String customerTemplateCode) {
	}

	record CreateVendorRequest(@Nullable String vendorTemplateCode) {
	}

	record CreateBankAccountRequest() {
	}

	@Operation(operationId = "listBusinessRelationsOfContact")
	@GetMapping("/business-relations")
	List<ContactBusinessRelation> relations(@PathVariable String no) {
		return linking.relationsOf(no);
	}

	@Operation(operationId = "addBusinessRelationToContact",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "ContactBusinessRelation"))))
	@PostMapping("/business-relations")
	ResponseEntity<ContactBusinessRelation> addRelation(@PathVariable String no,
			@RequestBody PlainRelationRequest request) {
		ContactBusinessRelation relation = linking.addPlain(no, request.businessRelationCode());
		return ResponseEntity.created(URI.create(
				"/api/v1/contacts/" + relation.contactNo() + "/business-relations/" + relation.businessRelationCode()))
			.body(relation);
	}

	@Operation(operationId = "removeBusinessRelationFromContact",
			responses = @ApiResponse(responseCode = "204", description = "Done"))
	@DeleteMapping("/business-relations/{code}")
	ResponseEntity<Void> removeRelation(@PathVariable String no, @PathVariable String code) {
		linking.remove(no, code);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "linkContact",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "ContactBusinessRelation"))))
	@PostMapping("/link")
	ResponseEntity<ContactBusinessRelation> link(@PathVariable String no, @RequestBody LinkRequest request) {
		if (request.linkToTable() == null || request.no() == null || request.no().isBlank()) {
			throw new Problems.ValidationFailed(request.linkToTable() == null ? "linkToTable" : "no",
					"invalid.required");
		}
		Linking.requireWriter(request.linkToTable());
		ContactBusinessRelation link = linking.link(no, request.linkToTable(), request.no().toUpperCase(Locale.ROOT),
				request.currentMasterFields() == null ? Linking.MasterFields.CONTACT : request.currentMasterFields());
		return ResponseEntity.status(HttpStatus.CREATED).body(link);
	}

	@Operation(operationId = "createCustomerFromContact",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "Customer"))))
	@PostMapping("/create-customer")
	ResponseEntity<JsonNode> createCustomer(@PathVariable String no,
			@RequestBody(required = false) @Nullable CreateCustomerRequest request) {
		return created(LinkedRecordType.CUSTOMER, linking.createRecord(no, LinkedRecordType.CUSTOMER,
				request == null ? null : request.customerTemplateCode()));
	}

	@Operation(operationId = "createVendorFromContact",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "Vendor"))))
	@PostMapping("/create-vendor")
	ResponseEntity<JsonNode> createVendor(@PathVariable String no,
			@RequestBody(required = false) @Nullable CreateVendorRequest request) {
		return created(LinkedRecordType.VENDOR, linking.createRecord(no, LinkedRecordType.VENDOR,
				request == null ? null : request.vendorTemplateCode()));
	}

	@Operation(operationId = "createBankAccountFromContact",
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(ref = "BankAccount"))))
	@PostMapping("/create-bank-account")
	ResponseEntity<JsonNode> createBankAccount(@PathVariable String no,
			@RequestBody(required = false) @Nullable CreateBankAccountRequest request) {
		return created(LinkedRecordType.BANK_ACCOUNT, linking.createRecord(no, LinkedRecordType.BANK_ACCOUNT, null));
	}

	private ResponseEntity<JsonNode> created(LinkedRecordType type, Row record) {
		String path = "/api/v1/" + records.of(type).table().resource() + "/" + record.text("no");
		return ResponseEntity.created(URI.create(path))
			.eTag("\"" + record.version() + "\"")
			.body(TableJson.write(records.of(type).table(), record));
	}

}
