package io.contactsync.integration;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An event of the change feed as the API shows it: the schema of what {@link ChangeFeed}
 * writes as JSON (the feed answers that text as it is, without reading it back into this
 * record).
 *
 * @param changes every field whose value changed, old and new, as text
 */
@Schema(name = "ChangeEvent")
record ChangeEvent(String id, long position, String type, int schemaVersion, String recordType, String no,
		@Nullable Long version, String at, String origin, String user, @Nullable String sourceSystem,
		@Nullable Long causedBy, Map<String, Values> changes) {

	@Schema(name = "ChangeValues")
	record Values(@Nullable String old, @JsonProperty("new") @Nullable String newValue) {
	}

}
