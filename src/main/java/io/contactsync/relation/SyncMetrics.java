package io.contactsync.relation;

import io.contactsync.platform.AfterCommit;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the changes the sync carried to a linked record or contact and that committed,
 * by the kind of record they changed: {@code contactsync.sync.changes}
 * (docs/operations.md, "Metrics"). A carried change that found the values already there
 * changed nothing and is not counted.
 */
@Component
class SyncMetrics {

	private final MeterRegistry registry;

	SyncMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void on(RecordEvent event) {
		RecordChange change = event.change();
		if (change.kind() != RecordChange.Kind.UPDATED || change.actor().origin() != ChangeOrigin.SYNC) {
			return;
		}
		Counter counter = Counter.builder("contactsync.sync.changes")
			.description("Changes the sync carried between linked records, counted when they commit")
			.tag("record", change.recordType())
			.register(registry);
		AfterCommit.run(counter::increment);
	}

}
