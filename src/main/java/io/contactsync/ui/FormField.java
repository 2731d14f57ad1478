package io.contactsync.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a form as a template draws it: its label in the user's language, what was
 * stored or typed, and what was wrong with it.
 *
 * @param type text, number, checkbox, select or timestamp (see {@code Field.inputType})
 * @param placeholder what an empty field means, where that is not obvious
 */
record FormField(String name, String label, String type, String value, List<Choice> choices, int maxLength,
		boolean required, boolean readOnly, @Nullable String error, @Nullable String placeholder) {

	record Choice(String value, String label) {
	}

	public boolean checked() {
		return "true".equals(value);
	}

}
