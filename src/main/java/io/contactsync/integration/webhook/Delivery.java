package io.contactsync.integration.webhook;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver one event to one endpoint, as the delivery log shows it.
 *
 * @param eventId the event's id, sent as {@code webhook-id} (the same on every attempt)
 * @param position the event's change-feed position
 * @param attempt 1 for the first attempt of the event, counting on with each retry
 * @param status {@code DELIVERED} (the receiver answered 2xx) or {@code FAILED}
 * @param redelivery whether an administrator asked for this attempt
 * @param responseCode the receiver's HTTP status; null when it did not answer
 * @param latencyMs how long the attempt took, in milliseconds
 * @param error what went wrong, for a failed attempt
 */
@Schema(name = "WebhookDelivery")
public record Delivery(long id, String eventId, long position, String eventType, int attempt, String status,
		boolean redelivery, @Nullable Integer responseCode, long latencyMs, @Nullable String error, Instant at) {
}
