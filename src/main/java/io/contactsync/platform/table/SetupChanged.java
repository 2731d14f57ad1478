package io.contactsync.platform.table;

import java.util.List;
import java.util.Map;

import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;

/**
 * A row of setup (a code, a template, a setting) was created, changed or deleted: logged,
 * and carried on by nothing.
 */
public record SetupChanged(RecordChange change) implements RecordEvent {

	/**
	 * A change to setup that no table describes: the change log records it all the same.
	 */
	public static SetupChanged of(String no, List<FieldChange> changes) {
		return new SetupChanged(
				new RecordChange("SETUP", no, RecordChange.Kind.UPDATED, changes, Map.of(), Actor.current()));
	}

	@Override
	public String eventType() {
		return switch (change.kind()) {
			case CREATED -> "setup.created";
			case UPDATED -> "setup.changed";
			case DELETED -> "setup.deleted";
		};
	}

}
