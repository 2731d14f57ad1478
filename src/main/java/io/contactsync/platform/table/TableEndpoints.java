package io.contactsync.platform.table;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.ExpectedVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP side of a setup table, shared by the controllers that map its paths: the
 * answers, their status codes and ETags. Controllers say only which table and which path.
 */
public class TableEndpoints {

	private final TableStore tables;

	private final Table table;

	public TableEndpoints(TableStore tables, Table table) {
		this.tables = tables;
		this.table = table;
	}

	public ResponseEntity<Map<String, @Nullable Object>> list(@Nullable Integer limit, @Nullable String cursor) {
		return ResponseEntity
			.ok(tables.list(table, limit, cursor).map(row -> (JsonNode) TableJson.write(table, row)).asMap());
	}

	public ResponseEntity<JsonNode> get(List<String> key) {
		return answer(tables.get(table, key));
	}

	public ResponseEntity<JsonNode> create(JsonNode body) {
		Row row = tables.create(table, body);
		// A path, not an absolute address: the Host header a request came with is not
		// the service's to echo.
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.scheme(null)
			.host(null)
			.port(null)
			.pathSegment(table.keys().stream().map(k -> String.valueOf(row.get(k.name()))).toArray(String[]::new))
			.build()
			.toUri();
		return ResponseEntity.created(location)
			.eTag(ExpectedVersion.etag(row.version()))
			.body(TableJson.write(table, row));
	}

	public ResponseEntity<JsonNode> patch(List<String> key, @Nullable String ifMatch, JsonNode patch) {
		return answer(tables.patch(table, key, ExpectedVersion.required(ifMatch), patch));
	}

	public ResponseEntity<Void> delete(List<String> key, @Nullable String ifMatch) {
		tables.delete(table, key, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	public ResponseEntity<JsonNode> singleton() {
		return answer(tables.singleton(table));
	}

	public ResponseEntity<JsonNode> replace(@Nullable String ifMatch, JsonNode body) {
		return answer(tables.replace(table, ExpectedVersion.optional(ifMatch), body));
	}

	private ResponseEntity<JsonNode> answer(Row row) {
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(row.version())).body(TableJson.write(table, row));
	}

}
