package io.contactsync.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import io.contactsync.platform.Message;
import io.contactsync.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write to the API that a browser sends on behalf of another site. A browser
 * that holds HTTP Basic credentials for this service sends them with any request a page
 * makes, a form post from another site included, and the API has no CSRF token to tell
 * them apart (its callers are programs). Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}); programs send neither, and are let through.
 */
class CrossSiteWrites extends OncePerRequestFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	/** The origin of {@code contactsync.public-url}, when one is set. */
	private final @Nullable String publicOrigin;

	CrossSiteWrites(@Nullable String publicOrigin) {
		this.publicOrigin = publicOrigin;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!READS.contains(request.getMethod()) && fromAnotherSite(request)) {
			ProblemWriter.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN",
					Message.of("detail.crossSiteWrite"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether a browser marked the request as sent from another site or origin: a site of
	 * the same domain is another origin too, and may be someone else's.
	 */
	boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			String value = site.toLowerCase(Locale.ROOT);
			return !value.equals("same-origin") && !value.equals("none");
		}
		String origin = request.getHeader("Origin");
		// Behind a TLS proxy the request itself says http; the public address says what
		// the browser sees.
		return origin != null && !origin.equals(publicOrigin) && !origin.equals(ownOrigin(request));
	}

	private static @Nullable String ownOrigin(HttpServletRequest request) {
		String host = request.getHeader("Host");
		if (host == null) {
			return null;
		}
		try {
			return new URI(request.getScheme() + "://" + host).toString();
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

}
