package io.contactsync.document;

import java.net.URI;
import java.util.Map;

import io.contactsync.platform.Message;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seven document resources, one path each, served alike. */
@RestController
@RequestMapping("/api/v1/{resource:sales-quotes|sales-orders|sales-blanket-orders|purchase-quotes|purchase-orders|purchase-blanket-orders|service-orders}")
class DocumentController {

	private final Documents documents;

	private final DocumentPrinting printing;

	DocumentController(Documents documents, DocumentPrinting printing) {
		this.documents = documents;
		this.printing = printing;
	}

	@Operation(operationId = "createDocument")
	@PostMapping
	ResponseEntity<JsonNode> create(@PathVariable String resource, @RequestBody JsonNode body) {
		Doc doc = documents.create(kind(resource), body);
		return ResponseEntity.created(URI.create("/api/v1/" + resource + "/" + doc.no()))
			.eTag(ExpectedVersion.etag(doc.version()))
			.body(json(doc));
	}

	@Operation(operationId = "listDocuments")
	@GetMapping
	Map<String, @Nullable Object> list(@PathVariable String resource,
			@RequestParam(required = false) @Nullable String contactNo,
			@RequestParam(required = false) @Nullable String customerNo,
			@RequestParam(required = false) @Nullable String vendorNo,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return documents.list(kind(resource), contactNo, customerNo, vendorNo, limit, cursor).map(this::json).asMap();
	}

	@Operation(operationId = "getDocument")
	@GetMapping("/{no}")
	ResponseEntity<JsonNode> get(@PathVariable String resource, @PathVariable String no) {
		return answer(documents.get(kind(resource), no));
	}

	@Operation(operationId = "patchDocument")
	@PatchMapping(path = "/{no}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<JsonNode> patch(@PathVariable String resource, @PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode body) {
		return answer(documents.patch(kind(resource), no, ExpectedVersion.required(ifMatch), body));
	}

	@Operation(operationId = "deleteDocument", responses = @ApiResponse(responseCode = "204", description = "Done"))
	@DeleteMapping("/{no}")
	ResponseEntity<Void> delete(@PathVariable String resource, @PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		documents.delete(kind(resource), no, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	record MakeOrder(@Nullable String customerTemplateCode, @Nullable String vendorTemplateCode) {
	}

	@Operation(operationId = "makeOrder", responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/{no}/make-order")
	ResponseEntity<JsonNode> makeOrder(@PathVariable String resource, @PathVariable String no,
			@RequestBody(required = false) @Nullable MakeOrder request) {
		DocumentKind kind = kind(resource);
		String template = request == null ? null : kind.side() == DocumentKind.Side.PURCHASE
				? request.vendorTemplateCode() : request.customerTemplateCode();
		Doc order = documents.makeOrder(kind, no, template);
		return ResponseEntity.created(URI.create("/api/v1/" + order.kind().resource() + "/" + order.no()))
			.eTag(ExpectedVersion.etag(order.version()))
			.body(json(order));
	}

	@Operation(operationId = "printDocument")
	@PostMapping("/{no}/print")
	ResponseEntity<byte[]> print(@PathVariable String resource, @PathVariable String no,
			@RequestParam(defaultValue = "true") boolean logInteraction) {
		byte[] printed = printing.print(kind(resource), no, logInteraction);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename(no + ".pdf").build().toString())
			.body(printed);
	}

	@Schema(name = "SendDocumentRequest")
	record Send(@Nullable String to) {
	}

	@Operation(operationId = "sendDocument", responses = @ApiResponse(responseCode = "202", description = "Accepted"))
	@PostMapping("/{no}/send")
	ResponseEntity<Void> send(@PathVariable String resource, @PathVariable String no,
			@RequestBody(required = false) @Nullable Send request) {
		printing.send(kind(resource), no, request == null ? null : request.to());
		return ResponseEntity.accepted().build();
	}

	private ResponseEntity<JsonNode> answer(Doc doc) {
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(doc.version())).body(json(doc));
	}

	private static DocumentKind kind(String resource) {
		return DocumentKind.ofResource(resource)
			.orElseThrow(() -> new Problems.NotFound(Message.of("detail.resource"), resource));
	}

	private JsonNode json(Doc doc) {
		DocumentKind kind = doc.kind();
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put("no", doc.no());
		json.put("documentDate", doc.documentDate().toString());
		json.put(kind.contactField(), doc.contactNo());
		json.put(kind.recordField(), doc.recordNo());
		if (kind.recordNameField() != null) {
			json.put(kind.recordNameField(), doc.recordNo() == null ? null : doc.partyName());
		}
		if (kind.templateField() != null) {
			json.put(kind.templateField(), doc.templateCode());
		}
		json.put(kind.salespersonField(), doc.salespersonCode());
		json.put("currencyCode", doc.currencyCode());
		json.put("description", doc.description());
		json.put("status", doc.status());
		ArrayNode lines = json.putArray("lines");
		for (Doc.Line line : doc.lines()) {
			lines.addObject()
				.put("lineNo", line.lineNo())
				.put("description", line.description())
				.put("quantity", line.quantity())
				.put("unitPrice", line.unitPrice())
				.put("lineAmount", line.lineAmount());
		}
		json.put("amount", doc.amount());
		json.put("quoteNo", doc.quoteNo());
		json.put("version", doc.version());
		return json;
	}

}
