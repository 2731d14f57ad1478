package io.contactsync.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.web.servlet.LocaleResolver;

/**
 * One language per request, for everything that speaks in it (problems, warnings, dry
 * runs): under {@code /api/} what {@code Accept-Language} asks for, English by default
 * ({@link ApiLanguage}); elsewhere, the web pages' own choice. So a service that words a
 * message in the request's locale answers a client program as its problems do, whatever
 * cookie of the web pages a browser may also send.
 */
@NamedInterface("web")
public final class ApiLocaleResolver implements LocaleResolver {

	private final LocaleResolver pages;

	private ApiLocaleResolver(LocaleResolver pages) {
		this.pages = pages;
	}

	/** The API's language under {@code /api/}, the given resolver's elsewhere. */
	public static LocaleResolver around(LocaleResolver pages) {
		return new ApiLocaleResolver(pages);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return isApi(request) ? ApiLanguage.of(request) : pages.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		if (!isApi(request)) {
			pages.setLocale(request, response, locale);
		}
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

}
