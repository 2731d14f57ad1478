package io.contactsync.numbering;

import java.util.Locale;

import io.contactsync.platform.table.CodeTableController;
import io.contactsync.platform.table.TableStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
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
	@PatchMapping(path = "/{code}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	public ResponseEntity<JsonNode> patch(@PathVariable String code,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody JsonNode patch) {
		numberSeries.settle(code.toUpperCase(Locale.ROOT));
		super.patch(code, ifMatch, patch);
		// Read back: switching gaps or restarting the sequence writes lastNoUsed after
		// the row the store answers with.
		return get(code);
	}

	@Override
	public JsonNode shown(JsonNode series) {
		if (series instanceof ObjectNode row && row.path("allowGaps").asBoolean(false)) {
			numberSeries.lastNoDrawn(row.path("code").asString()).ifPresent(drawn -> row.put("lastNoUsed", drawn));
		}
		return series;
	}

}
