package io.contactsync.platform.table;

import java.net.URI;

import io.contactsync.platform.ExpectedVersion;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

/**
 * The answers of a record resource, the same for every record: the record as JSON with
 * its version as the ETag, and for a new one its Location.
 */
public final class RecordResponses {

	private RecordResponses() {
	}

	/** 200 with a record as the resource shows it. */
	public static ResponseEntity<JsonNode> ok(Row record, JsonNode json) {
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(record.version())).body(json);
	}

	/** 200 with a record as its table's fields show it. */
	public static ResponseEntity<JsonNode> ok(Table table, Row record) {
		return ok(record, TableJson.write(table, record));
	}

	/** 201 with a new record, found at the resource's path and its number. */
	public static ResponseEntity<JsonNode> created(TableResource resource, Row record, JsonNode json) {
		return ResponseEntity.created(URI.create(resource.path() + "/" + record.text("no")))
			.eTag(ExpectedVersion.etag(record.version()))
			.body(json);
	}

}
