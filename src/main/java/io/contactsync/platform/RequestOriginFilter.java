package io.contactsync.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells {@link Actor} whether the request on this thread came through the API or the UI.
 */
@Component
class RequestOriginFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		Actor.setRequestOrigin(api ? ChangeOrigin.API : ChangeOrigin.USER);
		try {
			chain.doFilter(request, response);
		}
		finally {
			Actor.setRequestOrigin(null);
		}
	}

}
