package io.contactsync.integration.webhook;

import java.util.List;
import java.util.Map;

import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * The system disabled a webhook endpoint whose receiver kept failing for longer than the
 * patience. Published in the transaction that disables it, so the administrator learns of
 * it where other changes are seen: the change log and the change feed.
 */
public record WebhookDisabled(RecordChange change) implements RecordEvent {

	static final String RECORD_TYPE = "WEBHOOK";

	static WebhookDisabled of(long id, String reason) {
		return new WebhookDisabled(new RecordChange(RECORD_TYPE, Long.toString(id), RecordChange.Kind.UPDATED,
				List.of(new FieldChange("enabled", "true", "false"), new FieldChange("disabledReason", null, reason)),
				Map.of("enabled", false, "disabledReason", reason), new Actor(Actor.SYSTEM, ChangeOrigin.JOB)));
	}

	@Override
	public String eventType() {
		return "webhook.disabled";
	}

}
