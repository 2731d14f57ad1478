package io.contactsync.setup;

import java.util.List;

/**
 * A value that fails a data check: which field, which check, and what to tell the user,
 * as a message of the bundles ({@code check.*}) with its arguments.
 *
 * @param field the JSON name of the field
 * @param check the check it fails, whose setting says whether it is refused
 * @param message the message key
 * @param arguments what the message fills in: the value, the country, an example
 */
public record Finding(String field, DataCheck check, String message, List<String> arguments) {

	public Finding {
		arguments = List.copyOf(arguments);
	}

}
