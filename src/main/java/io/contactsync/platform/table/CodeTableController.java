package io.contactsync.platform.table;

import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CRUD of a setup table keyed by one code, at the path of the subclass's
 * {@code @RequestMapping}.
 */
public abstract class CodeTableController implements TableResource {

	private final TableEndpoints endpoints;

	private final Table table;

	protected CodeTableController(TableStore tables, Table table) {
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

	/**
	 * A row as this list shows it, in the API and in its exports: as stored, unless the
	 * table shows a value that no write stores (the number series' last number drawn).
	 * May change the row it is given.
	 */
	public JsonNode shown(JsonNode row) {
		return row;
	}

	private ResponseEntity<JsonNode> shownIn(ResponseEntity<JsonNode> answer) {
		if (answer.getBody() != null) {
			shown(answer.getBody());
		}
		return answer;
	}

	// JSON by name: the same path may answer files by Accept (the exports), and a client
	// that accepts JSON among other types gets JSON.
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<Map<String, @Nullable Object>> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		ResponseEntity<Map<String, @Nullable Object>> answer = endpoints.list(limit, cursor);
		if (answer.getBody() != null && answer.getBody().get("items") instanceof List<?> items) {
			items.forEach(item -> shown((JsonNode) item));
		}
		return answer;
	}

	@GetMapping("/{code}")
	public ResponseEntity<JsonNode> get(@PathVariable String code) {
		return shownIn(endpoints.get(List.of(code)));
	}

	@PostMapping
	public ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
		return shownIn(endpoints.create(body));
	}

	@PatchMapping(path = "/{code}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	public ResponseEntity<JsonNode> patch(@PathVariable String code,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode patch) {
		return shownIn(endpoints.patch(List.of(code), ifMatch, patch));
	}

	@DeleteMapping("/{code}")
	public ResponseEntity<Void> delete(@PathVariable String code,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return endpoints.delete(List.of(code), ifMatch);
	}

}
