package io.contactsync.platform.table;

import java.util.List;
import java.util.Map;

import io.contactsync.platform.Actor;
import io.contactsync.platform.AuditedBatch;
import io.contactsync.platform.FieldChange;
import org.jspecify.annotations.Nullable;

/**
 * What one write did to one row: the content of every typed event ({@link RecordEvent}).
 * Made in the transaction that wrote the row, with only the fields that really changed.
 *
 * @param recordType CONTACT, CUSTOMER, ..., or SETUP
 * @param no the record's number, or the resource and key of a setup row
 * @param kind what happened to the row
 * @param changes the changed fields as text, old and new, for the change log
 * @param values the changed fields' new values, typed, for whoever carries them on
 * @param actor who made the change, through what, and the change that caused it
 * @param row the whole record as written, for a record created or changed through the
 * store; null where the publisher has no such row (deletions, relations, setup).
 * Listeners read it instead of reading the record back.
 * @param entryNo the number of its first change-log entry, which the changes it causes
 * name; null where nothing carries the change on and the change log numbers it
 * @param version the row's version after the change (the last one, for a deletion); null
 * for rows that have none (relations, interactions)
 */
public record RecordChange(String recordType, String no, Kind kind, List<FieldChange> changes,
		Map<String, @Nullable Object> values, Actor actor, @Nullable Row row, @Nullable Long entryNo,
		@Nullable Long version) {

	public RecordChange {
		changes = List.copyOf(changes);
	}

	/** A change without the whole row or a version, that nothing carries on. */
	public RecordChange(String recordType, String no, Kind kind, List<FieldChange> changes,
			Map<String, @Nullable Object> values, Actor actor) {
		this(recordType, no, kind, changes, values, actor, null, null, null);
	}

	/**
	 * The actor of a change this one causes: the system, on behalf of the same user,
	 * naming this change's entry as the cause.
	 */
	public Actor carrier() {
		return actor.carrying(entryNo);
	}

	public enum Kind {

		CREATED, UPDATED, DELETED

	}

	/**
	 * The whole record as written: a record created or changed through the store always
	 * carries it.
	 */
	public Row written() {
		if (row == null) {
			throw new IllegalStateException(recordType + " " + no + " was " + kind + " without its row");
		}
		return row;
	}

	public boolean changed(String field) {
		return values.containsKey(field);
	}

	/**
	 * The events of one bulk write: rows of one table, all created or all updated at
	 * once. Its listeners are the change log and those that keep derived data (search
	 * strings); a bulk path does itself, in bulk, what the other listeners of single
	 * changes would do (links, summaries, primary contacts), or publishes its module's
	 * typed event for them ({@code setup.LinkedRecordsCreated}).
	 */
	public record Batch(String recordType, Kind kind, List<RecordEvent> entries) implements AuditedBatch {

		public Batch {
			entries = List.copyOf(entries);
		}

	}

}
