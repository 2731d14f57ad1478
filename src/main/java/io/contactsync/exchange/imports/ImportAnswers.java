package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.job.Job;
import io.contactsync.platform.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Imports as the API and the pages show them, their messages in the reader's language.
 */
@Component
class ImportAnswers {

	private final MessageSource messages;

	ImportAnswers(MessageSource messages) {
		this.messages = messages;
	}

	@Schema(name = "Import")
	record ImportAnswer(long id, String kind, String fileName, String format, int rows, String status,
			List<Column> columns, List<String> fields, String matchBy, String mode, boolean blankClears,
			String duplicates, @Nullable String externalSystem, @Nullable Job job, @Nullable Job undoJob,
			Map<String, Integer> counts) {
	}

	/**
	 * A column of the file, and the field it fills (none: the column is not imported).
	 */
	@Schema(name = "ImportColumn")
	record Column(int index, String header, @Nullable String field) {
	}

	@Schema(name = "ImportRowResult")
	record RowResult(int row, String action, @Nullable String no, String name, List<Change> changes,
			@Nullable String code, List<Said> errors, List<String> duplicates) {
	}

	@Schema(name = "ImportChange")
	record Change(String field, @Schema(description = "the value before, as in the record's JSON") @Nullable Object old,
			@Schema(description = "the value after, as in the record's JSON") @Nullable Object value) {

		/** The value before, as a page shows it: text as it is, nothing as nothing. */
		public String shownOld() {
			return shown(old);
		}

		/** The value after, as a page shows it. */
		public String shownValue() {
			return shown(value);
		}

		private static String shown(@Nullable Object value) {
			if (value instanceof tools.jackson.databind.JsonNode node) {
				return node.isNull() ? "" : node.isValueNode() ? node.asString() : node.toString();
			}
			return value == null ? "" : value.toString();
		}

	}

	/** One thing wrong with a row, or why it was skipped, in the reader's language. */
	@Schema(name = "ImportMessage")
	record Said(String field, String message) {
	}

	@Schema(name = "ImportDryRun")
	record DryRun(int from, Map<String, Integer> counts, List<RowResult> results, @Nullable Integer next) {
	}

	@Schema(name = "ImportRows")
	record Rows(List<RowResult> items, @Nullable String next) {
	}

	@Schema(name = "ImportUndoRecord")
	record UndoRecord(String recordType, String no, boolean created, @Nullable String undo, @Nullable String reason) {
	}

	@Schema(name = "ImportUndoRecords")
	record UndoRecords(List<UndoRecord> items, @Nullable String next) {
	}

	ImportAnswer of(Imports.View view) {
		ImportStore.Stored stored = view.stored();
		ImportSettings settings = stored.settings();
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < stored.columns().size(); i++) {
			columns.add(new Column(i, stored.columns().get(i), settings.mapping().get(i)));
		}
		return new ImportAnswer(settings.id(), settings.kind().name(), stored.fileName(), stored.format(),
				stored.rows(), view.status(), columns, view.fields(), settings.matchBy().name(), settings.mode().name(),
				settings.blankClears(), settings.duplicates().name(), settings.externalSystem(), view.job(),
				view.undoJob(), view.counts());
	}

	RowResult of(Outcome outcome, Locale locale) {
		List<Change> changes = outcome.changes()
			.stream()
			.map(change -> new Change(change.field(), change.old(), change.value()))
			.toList();
		return new RowResult(outcome.row(), outcome.action().name(), outcome.no(), outcome.name(), changes,
				outcome.code(), said(outcome.errors(), locale), outcome.duplicates());
	}

	List<Said> said(List<FieldError> errors, Locale locale) {
		return errors.stream()
			.map(error -> new Said(error.field(), messages.getMessage(error.message(), locale)))
			.toList();
	}

	String said(io.contactsync.platform.Message message, Locale locale) {
		return messages.getMessage(message, locale);
	}

}
