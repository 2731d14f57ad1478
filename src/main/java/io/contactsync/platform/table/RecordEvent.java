package io.contactsync.platform.table;

import java.util.List;
import java.util.function.Function;

import io.contactsync.platform.Actor;
import io.contactsync.platform.AuditedChange;
import io.contactsync.platform.FieldChange;
import org.jspecify.annotations.Nullable;

/**
 * A typed, past-tense event of a module: {@code ContactChanged}, {@code CustomerCreated},
 * {@code VendorDeleted}, ... Each is published once, synchronously, in the transaction
 * that made its change, and carries the change explicitly: key, diff, version, origin,
 * user and cause. Listeners take the types they care about; the change log takes them
 * all.
 *
 * The events are a contract with other systems: each has a stable {@link #eventType()}
 * and a {@link #schemaVersion()}, listed in docs/events.md. A change to what an event
 * carries that a reader would notice raises its schema version.
 */
public interface RecordEvent extends AuditedChange {

	/** What changed, as the store or the module wrote it. */
	RecordChange change();

	/**
	 * The stable name of the event, as other systems see it: {@code contact.changed},
	 * {@code customer.created}, ...
	 */
	String eventType();

	/** The version of what the event carries; 1 until it changes in a way readers see. */
	default int schemaVersion() {
		return 1;
	}

	@Override
	default String recordType() {
		return change().recordType();
	}

	@Override
	default String no() {
		return change().no();
	}

	@Override
	default List<FieldChange> changes() {
		return change().changes();
	}

	@Override
	default Actor actor() {
		return change().actor();
	}

	@Override
	default @Nullable Long entryNo() {
		return change().entryNo();
	}

	/**
	 * Makes a module's typed event of a change its store wrote: one per table, given with
	 * the table's definition.
	 */
	@FunctionalInterface
	interface Factory {

		RecordEvent of(RecordChange change);

		/** The module's three events of a record's life, by the kind of the change. */
		static Factory byKind(Function<RecordChange, RecordEvent> created, Function<RecordChange, RecordEvent> changed,
				Function<RecordChange, RecordEvent> deleted) {
			return change -> switch (change.kind()) {
				case CREATED -> created.apply(change);
				case UPDATED -> changed.apply(change);
				case DELETED -> deleted.apply(change);
			};
		}

	}

}
