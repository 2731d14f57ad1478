package io.contactsync.integration.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create a webhook endpoint; {@code url} is required, the rest
 * optional (all event and record types, enabled).
 */
@Schema(name = "WebhookRequest")
public record WebhookRequest(@Nullable String url, @Nullable List<String> eventTypes,
		@Nullable List<String> recordTypes, @Nullable String excludeSourceSystem, @Nullable String description,
		@Nullable Boolean enabled) {
}
