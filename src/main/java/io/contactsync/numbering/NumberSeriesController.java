package io.contactsync.numbering;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.platform.table.CodeTableController;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The number series as a setup table, with one thing of their own: a series that allows
 * gaps shows as {@code lastNoUsed} the number its sequence handed out last, which no draw
 * writes to the row ({@link NumberSeries#lastNoDrawn}), in the API and in the list's
 * exports.
 */
@RestController
@RequestMapping("/api/v1/number-series")
class NumberSeriesController extends CodeTableController {

	private final NumberSeries numberSeries;

	NumberSeriesController(TableStore tables, NumberSeries numberSeries) {
		super(tables, NumberSeriesTable.TABLE);
		this.numberSeries = numberSeries;
	}

	@Override
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<Map<String, @Nullable Object>> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		ResponseEntity<Map<String, @Nullable Object>> answer = super.list(limit, cursor);
		if (answer.getBody() != null && answer.getBody().get("items") instanceof List<?> items) {
			items.forEach(item -> shown((JsonNode) item));
		}
		return answer;
	}

	@Override
	@GetMapping("/{code}")
	public ResponseEntity<JsonNode> get(@PathVariable String code) {
		return shown(super.get(code));
	}

	@Override
	@PatchMapping(path = "/{code}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	public ResponseEntity<JsonNode> patch(@PathVariable String code,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode patch) {
		numberSeries.settle(code.toUpperCase(Locale.ROOT));
		super.patch(code, ifMatch, patch);
		// Read back: switching gaps or restarting the sequence writes lastNoUsed after
		// the
		// row the store answers with.
		return get(code);
	}

	private ResponseEntity<JsonNode> shown(ResponseEntity<JsonNode> answer) {
		if (answer.getBody() != null) {
			shown(answer.getBody());
		}
		return answer;
	}

	@Override
	public JsonNode shown(JsonNode series) {
		if (series instanceof ObjectNode row && row.path("allowGaps").asBoolean(false)) {
			numberSeries.lastNoDrawn(row.path("code").asString()).ifPresent(drawn -> row.put("lastNoUsed", drawn));
		}
		return series;
	}

}
