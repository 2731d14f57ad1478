package io.contactsync.exchange.imports;

import java.util.List;
import java.util.Map;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a row did, or in a dry run would do (docs/import.md, "Dry run").
 *
 * @param row the row's number in the file (the header is row 1)
 * @param no the record created or changed, or the one matched
 * @param changes for a creation the values the record was created with; for an update
 * every field that changed, old → new
 * @param code for an error the problem's code
 * @param errors for an error the fields at fault; for a skipped row why
 * @param duplicates for a new company, the companies it is a duplicate of
 * @param touched the records the row created or changed, for the undo
 */
record Outcome(int row, Action action, @Nullable String no, String name, List<Change> changes, @Nullable String code,
		List<FieldError> errors, List<String> duplicates, List<Touched> touched) {

	enum Action {

		CREATE, UPDATE, UNCHANGED, SKIPPED, ERROR

	}

	record Change(String field, @Nullable JsonNode old, @Nullable JsonNode value) {
	}

	/**
	 * A record a row created or changed.
	 *
	 * @param oldValues what the fields the row changed held before it
	 * @param versionAfter the record's version after the row
	 */
	record Touched(String recordType, String no, boolean created, Map<String, @Nullable JsonNode> oldValues,
			long versionAfter) {
	}

	static Outcome skipped(int row, @Nullable String no, String name, Message why, List<String> duplicates) {
		return new Outcome(row, Action.SKIPPED, no, name, List.of(), null, List.of(new FieldError("", why)), duplicates,
				List.of());
	}

	static Outcome error(int row, String name, String code, List<FieldError> errors) {
		return new Outcome(row, Action.ERROR, null, name, List.of(), code, errors, List.of(), List.of());
	}

}
