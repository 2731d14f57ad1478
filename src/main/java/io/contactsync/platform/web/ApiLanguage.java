package io.contactsync.platform.web;

import java.util.List;
import java.util.Locale;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the API's answers: what {@code Accept-Language} asks for, Norwegian
 * (nb, or no and nn, answered in Bokmål) or English; English when it asks for neither or
 * is missing. Only the header counts: a client program has no cookie of the web pages'.
 */
final class ApiLanguage {

	static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

	private static final AcceptHeaderLocaleResolver ACCEPT_LANGUAGE = resolver();

	private ApiLanguage() {
	}

	static Locale of(HttpServletRequest request) {
		Locale asked;
		try {
			asked = ACCEPT_LANGUAGE.resolveLocale(request);
		}
		catch (IllegalArgumentException malformedHeader) {
			return Locale.ENGLISH;
		}
		return switch (asked.getLanguage()) {
			case "nb", "no", "nn" -> NORWEGIAN;
			default -> Locale.ENGLISH;
		};
	}

	/** The message in the request's language, from the application's message bundles. */
	static String say(HttpServletRequest request, Message message) {
		MessageSource messages = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
		if (messages == null) {
			return message.english();
		}
		return say(messages, message, of(request));
	}

	static String say(MessageSource messages, Message message, Locale locale) {
		try {
			return messages.getMessage(message, locale);
		}
		catch (NoSuchMessageException missing) {
			// a code without words is a fault of ours; the client still gets the code
			return message.code();
		}
	}

	/** The errors as the API shows them: the field, and the message in words. */
	static List<Shown> say(MessageSource messages, List<FieldError> errors, Locale locale) {
		return errors.stream().map(error -> new Shown(error.field(), say(messages, error.message(), locale))).toList();
	}

	/** One entry of a problem's {@code errors}. */
	record Shown(String field, String message) {
	}

	private static AcceptHeaderLocaleResolver resolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(
				List.of(Locale.ENGLISH, NORWEGIAN, Locale.forLanguageTag("no"), Locale.forLanguageTag("nn")));
		resolver.setDefaultLocale(Locale.ENGLISH);
		return resolver;
	}

}
