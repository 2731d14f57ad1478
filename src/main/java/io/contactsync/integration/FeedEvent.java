package io.contactsync.integration;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** Stand-in for the change feed's event until it lands on main. */
public record FeedEvent(long position, String id, String type, String recordType, String no,
		@Nullable String sourceSystem, OffsetDateTime at, String json) {
}
