package io.contactsync.setup;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a contact is: a company, or a person (of a company, or on its own). Stored and
 * answered by its name.
 */
public enum ContactType {

	COMPANY, PERSON;

	/** The names, as the API and the database know them. */
	public static List<String> names() {
		return List.of(COMPANY.name(), PERSON.name());
	}

	/** Whether a stored or requested value names this type. */
	public boolean is(@Nullable Object value) {
		return value != null && name().equals(value.toString());
	}

}
