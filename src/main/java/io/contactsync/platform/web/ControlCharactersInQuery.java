package io.contactsync.platform.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query parameter that holds a control character (NUL, line breaks, escape,
 * ...) with 400 {@code MALFORMED_REQUEST} naming the parameter, before any other filter,
 * so such a value never reaches the database (PostgreSQL refuses NUL in text and would
 * answer a search with 422) nor a log line. No search, filter or cursor ever needs one.
 * Form bodies are not checked here: a text area sends line breaks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ControlCharactersInQuery extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		List<FieldError> errors = (query == null) ? List.of() : check(query);
		if (!errors.isEmpty()) {
			ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
					Message.of("detail.controlCharacterInQuery"), errors);
			return;
		}
		chain.doFilter(request, response);
	}

	/** One error per parameter whose name or value holds a control character. */
	static List<FieldError> check(String query) {
		Set<String> bad = new LinkedHashSet<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals));
			String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
			if (hasControl(name) || hasControl(value)) {
				bad.add(hasControl(name) ? "query" : name);
			}
		}
		List<FieldError> errors = new ArrayList<>();
		for (String name : bad) {
			errors.add(new FieldError(name, "invalid.controlCharacters"));
		}
		return errors;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A broken escape is not a control character; Spring MVC answers it as usual.
			return text;
		}
	}

	private static boolean hasControl(String text) {
		return text.codePoints().anyMatch(Character::isISOControl);
	}

}
