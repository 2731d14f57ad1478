package io.contactsync.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One field of a form as a template draws it: its label in the user's language, what was
 * stored or typed, and what was wrong with it.
 *
 * @param type text, number, checkbox, select or timestamp (see {@code Field.inputType})
 * @param placeholder what an empty field means, where that is not obvious
 * @param suggestions what a text field offers as the user types (a datalist), such as the
 * post codes of the setup; empty for none
 */
record FormField(String name, String label, String type, String value, List<Choice> choices, int maxLength,
		boolean required, boolean readOnly, @Nullable String error, @Nullable String placeholder,
		List<Choice> suggestions) {

	record Choice(String value, String label) {
	}

	public boolean checked() {
		return "true".equals(value);
	}

	/** The field as a list to choose from (a code list of the setup). */
	FormField choosing(List<Choice> offered) {
		return new FormField(name, label, "select", value, offered, maxLength, required, readOnly, error, placeholder,
				List.of());
	}

	/** The field as text to type, with suggestions as the user types. */
	FormField suggesting(List<Choice> offered) {
		return new FormField(name, label, type, value, choices, maxLength, required, readOnly, error, placeholder,
				offered);
	}

}
