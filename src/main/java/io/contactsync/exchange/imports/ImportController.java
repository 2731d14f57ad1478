package io.contactsync.exchange.imports;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.job.Job;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/imports} (docs/import.md): upload a CSV, XLSX or vCard file, change its
 * column mapping and choices, rehearse it, run it as a job, read what each row did, undo
 * it. Who may import a kind of record is who may write it.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

	private final Imports imports;

	private final ImportAnswers answers;

	private final ImportRecords records;

	ImportController(Imports imports, ImportAnswers answers, ImportRecords records) {
		this.imports = imports;
		this.answers = answers;
		this.records = records;
	}

	@Operation(operationId = "uploadImport", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
			required = true,
			content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = ImportFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = ImportFormat.VCARD_TYPE,
							schema = @Schema(type = "string", format = "binary")) }),
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(implementation = ImportAnswers.ImportAnswer.class))))
	@PostMapping(consumes = { "text/csv", ImportFormat.XLSX_TYPE, ImportFormat.VCARD_TYPE, ImportFormat.OLD_VCARD_TYPE,
			"application/octet-stream" })
	ResponseEntity<ImportAnswers.ImportAnswer> upload(@RequestParam String kind,
			@RequestParam(required = false) @Nullable String fileName, HttpServletRequest request) throws IOException {
		Imports.View view = imports.upload(kind, fileName, request.getContentType(), request.getInputStream());
		return ResponseEntity.created(java.net.URI.create("/api/v1/imports/" + view.stored().settings().id()))
			.body(answers.of(view));
	}

	@Operation(operationId = "getImport")
	@GetMapping("/{id}")
	ImportAnswers.ImportAnswer get(@PathVariable long id) {
		return answers.of(imports.get(id));
	}

	@Operation(operationId = "chooseImportSettings")
	@PutMapping("/{id}/settings")
	ImportAnswers.ImportAnswer choose(@PathVariable long id, @RequestBody Imports.Choices choices) {
		return answers.of(imports.choose(id, choices));
	}

	@Operation(operationId = "dryRunImport")
	@PostMapping("/{id}/dry-run")
	ImportAnswers.DryRun dryRun(@PathVariable long id, @RequestParam(required = false) @Nullable Integer from,
			@RequestParam(required = false) @Nullable Integer limit, Locale locale) {
		int start = from == null ? 1 : from;
		if (start < 1) {
			throw new Problems.ValidationFailed("from", "invalid.atLeast", "1");
		}
		int size = limit == null ? 200 : Page.limit(limit);
		List<Outcome> outcomes = imports.dryRun(id, start, size);
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Outcome.Action action : Outcome.Action.values()) {
			counts.put(action.name(), 0);
		}
		outcomes.forEach(outcome -> counts.merge(outcome.action().name(), 1, Integer::sum));
		Integer next = outcomes.isEmpty() ? null : imports.rowAfter(id, outcomes.get(outcomes.size() - 1).row());
		return new ImportAnswers.DryRun(start, counts,
				outcomes.stream().map(outcome -> answers.of(outcome, locale)).toList(), next);
	}

	@Operation(operationId = "runImport",
			responses = @ApiResponse(responseCode = "202", description = "Accepted",
					content = @Content(schema = @Schema(ref = "Job"))))
	@PostMapping("/{id}/run")
	ResponseEntity<Job> run(@PathVariable long id) {
		Job job = imports.run(id);
		return ResponseEntity.accepted().header("Location", "/api/v1/jobs/" + job.id()).body(job);
	}

	@Operation(operationId = "listImportRows")
	@GetMapping("/{id}/rows")
	ImportAnswers.Rows rows(@PathVariable long id, @RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, Locale locale) {
		int size = Page.limit(limit);
		int after = (int) number(Page.decode(cursor));
		Page<Outcome> page = Page.of(imports.outcomes(id, action, after, size + 1), size,
				outcome -> Integer.toString(outcome.row()));
		return new ImportAnswers.Rows(page.items().stream().map(outcome -> answers.of(outcome, locale)).toList(),
				page.next());
	}

	@Operation(operationId = "undoImport",
			responses = @ApiResponse(responseCode = "202", description = "Accepted",
					content = @Content(schema = @Schema(ref = "Job"))))
	@PostMapping("/{id}/undo")
	ResponseEntity<Job> undo(@PathVariable long id) {
		Job job = imports.undo(id);
		return ResponseEntity.accepted().header("Location", "/api/v1/jobs/" + job.id()).body(job);
	}

	@Operation(operationId = "listImportUndo")
	@GetMapping("/{id}/undo")
	ImportAnswers.UndoRecords undone(@PathVariable long id, @RequestParam(required = false) @Nullable String undo,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, Locale locale) {
		imports.get(id);
		return records.list(id, undo, Page.limit(limit), number(Page.decode(cursor)), locale);
	}

	private static long number(@Nullable String key) {
		if (key == null) {
			return 0;
		}
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new Problems.MalformedRequest("cursor", "invalid.cursor");
		}
	}

}
