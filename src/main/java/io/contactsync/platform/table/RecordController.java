package io.contactsync.platform.table;

import java.net.URI;

import io.contactsync.platform.ExpectedVersion;
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

/**
 * The HTTP side of a record keyed by {@code no}: create, read, merge-patch, delete and
 * the paged list, at the path of the subclass's {@code @RequestMapping}.
 */
public abstract class RecordController implements TableResource {

	private final RecordService records;

	private final TableStore store;

	private final String path;

	protected RecordController(RecordService records, TableStore store) {
		this.records = records;
		this.store = store;
		this.path = TableResource.mappedPath(getClass());
	}

	@Override
	public Table table() {
		return records.table();
	}

	@Override
	public String path() {
		return path;
	}

	@GetMapping("/{no}")
	public ResponseEntity<JsonNode> get(@PathVariable String no) {
		return answer(records.get(no));
	}

	@PostMapping
	public ResponseEntity<JsonNode> create(@RequestBody JsonNode body) {
		Row record = records.create(body);
		return ResponseEntity.created(URI.create(path + "/" + record.text("no")))
			.eTag(ExpectedVersion.etag(record.version()))
			.body(written(record));
	}

	@PatchMapping(path = "/{no}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	public ResponseEntity<JsonNode> patch(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode patch) {
		Row record = records.patch(no, ExpectedVersion.required(ifMatch), patch);
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(record.version())).body(written(record));
	}

	@DeleteMapping("/{no}")
	public ResponseEntity<Void> delete(@PathVariable String no,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		records.delete(no, ExpectedVersion.required(ifMatch));
		return ResponseEntity.noContent().build();
	}

	/**
	 * What a create or change answers with: the record, and whatever the write found
	 * worth saying.
	 */
	protected JsonNode written(Row record) {
		return json(record);
	}

	protected JsonNode json(Row record) {
		return TableJson.write(records.table(), record);
	}

	private ResponseEntity<JsonNode> answer(Row record) {
		return ResponseEntity.ok().eTag(ExpectedVersion.etag(record.version())).body(json(record));
	}

}
