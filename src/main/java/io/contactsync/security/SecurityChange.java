package io.contactsync.security;

import java.util.List;

import io.contactsync.platform.Actor;
import io.contactsync.platform.AuditedChange;
import io.contactsync.platform.FieldChange;
import org.jspecify.annotations.Nullable;

/**
 * A change to a user (roles, enabled, password) or a token, for the change log. A
 * password is logged as changed, never with a value or a hash; a token by its id and
 * name, never its secret.
 */
record SecurityChange(String recordType, String no, List<FieldChange> changes, Actor actor) implements AuditedChange {

	/** Nothing carries a security change on: the change log numbers it. */
	@Override
	public @Nullable Long entryNo() {
		return null;
	}

	static final String USER = "USER";

	static final String API_TOKEN = "API_TOKEN";

	/** What the change log shows for a password that was set or changed. */
	static final String PASSWORD_CHANGED = "(changed)";

}
