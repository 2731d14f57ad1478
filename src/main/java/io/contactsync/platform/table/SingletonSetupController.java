package io.contactsync.platform.table;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * GET and PUT of a one-row setup table, at the path of the subclass's
 * {@code @RequestMapping}.
 */
public abstract class SingletonSetupController implements TableResource {

	private final TableEndpoints endpoints;

	private final Table table;

	protected SingletonSetupController(TableStore tables, Table table) {
		this.endpoints = new TableEndpoints(tables, table);
		this.table = table;
	}

	@Override
	public Table table() {
		return table;
	}

	@Override
	public String path() {
		return TableResource.mappedPath(getClass());
	}

	@GetMapping
	public ResponseEntity<JsonNode> get() {
		return endpoints.singleton();
	}

	/**
	 * Replaces the settings; {@code If-Match} is optional here, and checked when sent.
	 */
	@PutMapping
	public ResponseEntity<JsonNode> replace(
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode body) {
		return endpoints.replace(ifMatch, body);
	}

}
