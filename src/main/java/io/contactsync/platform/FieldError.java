package io.contactsync.platform;

/**
 * One thing wrong with one field of a request, as the API reports it.
 *
 * @param field the JSON name of the field (dotted for nested fields)
 * @param message what is wrong and how to put it right
 */
public record FieldError(String field, String message) {
}
