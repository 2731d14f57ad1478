package io.contactsync.platform;

/**
 * One thing wrong with one field of a request, as the API reports it.
 *
 * @param field the JSON name of the field (dotted for nested fields)
 * @param message what is wrong and how to put it right, said in the reader's language
 */
public record FieldError(String field, Message message) {

	/**
	 * @param code the message's key in the message bundles
	 * @param arguments what fills it in
	 */
	public FieldError(String field, String code, Object... arguments) {
		this(field, Message.of(code, arguments));
	}

}
