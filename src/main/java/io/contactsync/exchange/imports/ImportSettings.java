package io.contactsync.exchange.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The choices of an import (docs/import.md): which column fills which field, what a row
 * is matched by, whether rows create, update or both, whether a blank cell clears a
 * value, and what is done with a new company that has duplicates.
 *
 * @param mapping the field each column fills, by column index from 0
 * @param externalSystem the system whose ids the external-id column holds
 */
record ImportSettings(long id, ImportKind kind, String user, Map<Integer, String> mapping, MatchBy matchBy, Mode mode,
		boolean blankClears, Duplicates duplicates, @Nullable String externalSystem) {

	enum Mode {

		CREATE_ONLY, UPDATE_ONLY, UPSERT;

		boolean creates() {
			return this != UPDATE_ONLY;
		}

		boolean updates() {
			return this != CREATE_ONLY;
		}

	}

	enum Duplicates {

		REPORT, SKIP

	}

	/** Whether a field is filled by some column. */
	boolean maps(String field) {
		return mapping.containsValue(field);
	}

}
