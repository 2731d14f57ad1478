package io.contactsync.document;

import java.util.List;
import java.util.Map;

import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;

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
		String recordType = switch (kind.side()) {
			case SALES -> "SALES_DOCUMENT";
			case PURCHASE -> "PURCHASE_DOCUMENT";
			case SERVICE -> "SERVICE_ORDER";
		};
		RecordChange written = new RecordChange(recordType, kind.name() + "/" + no, change, changes, Map.of(),
				Actor.current(), null, null, version);
		events.publishEvent(switch (change) {
			case CREATED -> new DocumentCreated(written);
			case UPDATED -> new DocumentChanged(written);
			case DELETED -> new DocumentDeleted(written);
		});
	}

}
