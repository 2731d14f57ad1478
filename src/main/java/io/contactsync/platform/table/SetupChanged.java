package io.contactsync.platform.table;

import java.util.List;

import io.contactsync.platform.Actor;
import io.contactsync.platform.AuditedChange;
import io.contactsync.platform.FieldChange;

/**
 * A row of a setup table was created, changed or deleted.
 *
 * @param no the resource and key of the row ({@code business-relations/KUNDE})
 */
public record SetupChanged(String no, List<FieldChange> changes, Actor actor) implements AuditedChange {

	@Override
	public String recordType() {
		return "SETUP";
	}

}
