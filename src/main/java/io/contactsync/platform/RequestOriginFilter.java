package io.contactsync.platform;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.contactsync.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells {@link Actor} whether the request on this thread came through the API or the UI,
 * and which other system sent it ({@value #SOURCE_SYSTEM}), so that every change it makes
 * is recorded with both and a subscriber can leave out its own writes.
 */
@Component
class RequestOriginFilter extends OncePerRequestFilter {

	static final String SOURCE_SYSTEM = "X-Source-System";

	/**
	 * A short name as integrations use them (crm, erp-2, hubspot.eu); compared without
	 * case, so it is kept in lower case.
	 */
	private static final Pattern SYSTEM_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		String system = request.getHeader(SOURCE_SYSTEM);
		if (system != null) {
			system = system.strip().toLowerCase(Locale.ROOT);
			if (!SYSTEM_NAME.matcher(system).matches()) {
				List<FieldError> errors = List.of(new FieldError(SOURCE_SYSTEM, "invalid.sourceSystem"));
				ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
						Problems.summary(errors), errors);
				return;
			}
		}
		Actor.setRequestOrigin(api ? ChangeOrigin.API : ChangeOrigin.USER, system);
		try {
			chain.doFilter(request, response);
		}
		finally {
			Actor.setRequestOrigin(null, null);
		}
	}

}
