package io.contactsync.customer;

import java.util.Map;

import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.table.RecordResponses;
import io.contactsync.setup.DataChecks;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.platform.table.TableJson;
import io.contactsync.platform.table.TableResource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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

/**
 * Customers: list and search, read, create (from a customer template if one is named),
 * change by merge patch with {@code If-Match}, delete. Linking and the sync are the
 * relation module's.
 */
@RestController
@RequestMapping(CustomerController.PATH)
class CustomerController implements TableResource {

	static final String PATH = "/api/v1/customers";

	private final Customers customers;

	private final DataChecks checks;

	CustomerController(Customers customers, DataChecks checks) {
		this.customers = customers;
		this.checks = checks;
	}

	// JSON by name: the exchange module answers this path with files by Accept, and a
	// client that accepts JSON among other types gets JSON.
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, @Nullable Object> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return customers.list(q, limit, cursor).map(this::json).asMap();
	}

	@GetMapping("/{no}")
	ResponseEntity<JsonNode> get(@PathVariable String no) {
		return answer(customers.get(no));
	}

	@PostMapping
	ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
		Row created = customers.create(body);
		return RecordResponses.created(this, created, checks.withWarnings(json(created), created));
	}

	@PatchMapping(path = "/{no}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<JsonNode> patch(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode patch) {
		return answer(customers.patch(no, ExpectedVersion.required(ifMatch), patch));
	}

	@DeleteMapping("/{no}")
	ResponseEntity<Void> delete(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		customers.delete(no, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/** A record with the warnings of its values that fail a data check. */
	private ResponseEntity<JsonNode> answer(Row record) {
		return RecordResponses.ok(record, checks.withWarnings(json(record), record));
	}

	@Override
	public Table table() {
		return customers.table();
	}

	@Override
	public String path() {
		return PATH;
	}

	private JsonNode json(Row record) {
		return TableJson.write(table(), record);
	}

}
