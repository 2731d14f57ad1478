package io.contactsync.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Something the application says to a person, named by its code in the message bundles
 * (messages.properties, messages_nb.properties) with what fills it in. The words are
 * chosen where it is shown, in the reader's language: the API by Accept-Language, a page
 * by the page's language. An argument may itself be a message (a record's name), which is
 * said in the same language.
 *
 * @param code the key in the message bundles
 * @param arguments what fills in {0}, {1}, ...: text, or other messages
 * @param fallback what to say when the bundles lack the code (a table's own title)
 */
public record Message(String code, List<Object> arguments,
		@Nullable String fallback) implements MessageSourceResolvable {

	/** For logs and exception messages: the English words, read once. */
	private static final ResourceBundleMessageSource ENGLISH = englishBundle();

	public Message {
		if (!code.matches("[a-zA-Z][A-Za-z0-9_.\\-]*")) {
			// words where a code belongs would reach every reader in English
			throw new IllegalArgumentException("Not a message code: " + code);
		}
		arguments = List.copyOf(arguments);
	}

	public static Message of(String code, Object... arguments) {
		return new Message(code, Arrays.asList(arguments), null);
	}

	/** A message whose code may be missing from the bundles, such as a name by kind. */
	public static Message orElse(String code, String fallback) {
		return new Message(code, List.of(), fallback);
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return arguments.toArray();
	}

	@Override
	public @Nullable String getDefaultMessage() {
		return fallback;
	}

	/** The message in English, as logs and job reports keep it. */
	public String english() {
		return ENGLISH.getMessage(this, Locale.ENGLISH);
	}

	@Override
	public String toString() {
		return english();
	}

	private static ResourceBundleMessageSource englishBundle() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
