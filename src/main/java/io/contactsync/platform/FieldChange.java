package io.contactsync.platform;

import org.jspecify.annotations.Nullable;

/** One field's value before and after a change, as text for the change log. */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {
}
