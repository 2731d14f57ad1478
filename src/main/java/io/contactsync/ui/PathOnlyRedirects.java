package io.contactsync.ui;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects to the path (and query) of an address, never to its host. Spring Security
 * keeps the page asked for before signing in as a full address made from the request's
 * {@code Host} header; sent back as it is, a forged header would choose where the browser
 * goes next. Tomcat leaves a path as it is
 * ({@code server.tomcat.use-relative-redirects}).
 */
final class PathOnlyRedirects implements RedirectStrategy {

	@Override
	public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
		response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + pathOf(url)));
	}

	static String pathOf(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (java.net.URISyntaxException ex) {
			return "/";
		}
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		// "//host/..." is an address of another host to a browser, not a path.
		while (path.startsWith("//")) {
			path = path.substring(1);
		}
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

}
