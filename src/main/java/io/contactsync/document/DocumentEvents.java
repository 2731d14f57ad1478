package io.contactsync.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the document module's typed events ({@link DocumentCreated},
 * {@link DocumentChanged}, {@link DocumentDeleted}), named in the change log by the side
 * of the business the document belongs to.
 */
@Component
class DocumentEvents {

	private final ApplicationEventPublisher events;

	DocumentEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	void publish(DocumentKind kind, String no, RecordChange.Kind change, List<FieldChange> changes, long version) {
		events.publishEvent(event(kind, no, change, changes, version));
	}

	/** A document changed by a set-based write, until it is published with the others. */
	record Updated(DocumentKind kind, String no, List<FieldChange> changes, long version) {
	}

	/**
	 * Many documents changed by one statement (a merge moving them): their
	 * {@link DocumentChanged} events published as one {@link RecordChange.Batch} per
	 * side, which the change log and the outbox write with one statement each instead of
	 * one event, and one log number drawn, per document. Each is logged and published
	 * exactly as if it had been published alone.
	 */
	void publishUpdated(List<Updated> updated) {
		Map<String, List<RecordEvent>> bySide = new LinkedHashMap<>();
		for (Updated document : updated) {
			RecordEvent event = event(document.kind(), document.no(), RecordChange.Kind.UPDATED, document.changes(),
					document.version());
			bySide.computeIfAbsent(event.recordType(), side -> new ArrayList<>()).add(event);
		}
		bySide.forEach((recordType, changed) -> events
			.publishEvent(new RecordChange.Batch(recordType, RecordChange.Kind.UPDATED, changed)));
	}

	private static RecordEvent event(DocumentKind kind, String no, RecordChange.Kind change, List<FieldChange> changes,
			long version) {
		String recordType = switch (kind.side()) {
			case SALES -> "SALES_DOCUMENT";
			case PURCHASE -> "PURCHASE_DOCUMENT";
			case SERVICE -> "SERVICE_ORDER";
		};
		RecordChange written = new RecordChange(recordType, kind.name() + "/" + no, change, changes, Map.of(),
				Actor.current(), null, null, version);
		return switch (change) {
			case CREATED -> new DocumentCreated(written);
			case UPDATED -> new DocumentChanged(written);
			case DELETED -> new DocumentDeleted(written);
		};
	}

}
