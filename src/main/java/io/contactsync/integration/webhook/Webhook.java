package io.contactsync.integration.webhook;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as the API and the UI show it.
 *
 * @param eventTypes the event types it receives; empty for all
 * @param recordTypes the record types it receives; empty for all
 * @param excludeSourceSystem changes written by this system ({@code X-Source-System}) are
 * left out, so a two-way integration does not get its own writes back
 * @param enabled whether events are delivered to it
 * @param disabledAt when the system disabled it because its receiver failed too long
 * @param disabledReason why the system disabled it
 * @param cursor the change-feed position of the last event it has had
 * @param failedAttempts how often the event after the cursor has failed so far
 * @param nextAttemptAt when that event is tried again
 * @param secret the signing secret: only in the answer that created the endpoint
 */
@Schema(name = "Webhook")
public record Webhook(long id, String url, List<String> eventTypes, List<String> recordTypes,
		@Nullable String excludeSourceSystem, @Nullable String description, boolean enabled,
		@Nullable Instant disabledAt, @Nullable String disabledReason, long cursor, int failedAttempts,
		@Nullable Instant nextAttemptAt, Instant createdAt, long version, @Nullable String secret) {

	Webhook withSecret(String secret) {
		return new Webhook(id, url, eventTypes, recordTypes, excludeSourceSystem, description, enabled, disabledAt,
				disabledReason, cursor, failedAttempts, nextAttemptAt, createdAt, version, secret);
	}

}
