package io.contactsync.contact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

/**
 * A person's name, whole and in parts. Joined from first, middle and surname; split back
 * from a whole name: one word is a first name, two are first and surname, with more the
 * last is the surname, the one before it the middle name and the rest the first name.
 */
record PersonName(String firstName, String middleName, String surname) {

	static PersonName split(String name) {
		List<String> words = Arrays.stream(name.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
		return switch (words.size()) {
			case 0 -> new PersonName("", "", "");
			case 1 -> new PersonName(words.get(0), "", "");
			case 2 -> new PersonName(words.get(0), "", words.get(1));
			default -> new PersonName(String.join(" ", words.subList(0, words.size() - 2)), words.get(words.size() - 2),
					words.get(words.size() - 1));
		};
	}

	String joined() {
		List<String> parts = new ArrayList<>();
		for (String part : List.of(firstName, middleName, surname)) {
			if (!part.isBlank()) {
				parts.add(part.trim());
			}
		}
		return String.join(" ", parts);
	}

	/**
	 * Every contact has a name (docs/rules.md, "Records and contacts"); a person's may be
	 * built from its parts, so this is asked once they are joined. Spaces are no name:
	 * the database would take them, and the contact could not be found or told apart.
	 */
	static void require(@Nullable Object name, boolean person) {
		if (name == null || name.toString().isBlank()) {
			throw new Problems.ValidationFailed("name", person ? "invalid.personName" : "invalid.required");
		}
	}

}
