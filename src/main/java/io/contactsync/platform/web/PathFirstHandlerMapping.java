package io.contactsync.platform.web;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds a request's handler the way Spring MVC does, but looks at the path first. A path
 * with a variable in it ({@code /api/v1/contacts/K00010}) has no entry in Spring's table
 * of exact paths, so Spring tries every mapping of the application in turn, a few
 * hundred, each checking method, parameters, headers and media types before the path: in
 * a profile of the PATCH benchmark (its GETs and PATCHes), 15 % of the request threads'
 * samples were there. Here a mapping is passed over at once when the path does not begin
 * with the literal part of any of its patterns (up to the first variable or wildcard),
 * and next when none of its patterns matches the path, as Spring itself would match them.
 * Only a mapping whose path matches goes through Spring's checks, so the handler found,
 * and the 404, 405 or 415 answered when none is, stay the same.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/** What matches any path: a mapping is never passed over for it. */
	private static final String[] ANY = { "" };

	/**
	 * The literal beginnings of each mapping's patterns, worked out when first needed; by
	 * identity, since a mapping's own hash code is worked out anew at every call. Written
	 * as a new copy (the mappings are all known after the first few requests), read
	 * without a lock.
	 */
	private volatile Map<RequestMappingInfo, String[]> literalStarts = new IdentityHashMap<>();

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String path = comparablePath(request);
		if (path != null && !startsWithAny(path, literalStarts(info))) {
			return null;
		}
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (patterns != null && ServletRequestPathUtils.hasParsedRequestPath(request)) {
			PathContainer within = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
			if (patterns.getPatterns().stream().noneMatch(pattern -> pattern.matches(within))) {
				// Spring matches the same patterns the same way, after everything else.
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	private String[] literalStarts(RequestMappingInfo info) {
		String[] known = literalStarts.get(info);
		if (known == null) {
			synchronized (this) {
				known = starts(info);
				Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(literalStarts);
				copy.put(info, known);
				literalStarts = copy;
			}
		}
		return known;
	}

	/**
	 * The request's path within the application, when it reads as the patterns are
	 * matched: patterns are matched against decoded segments without their matrix
	 * parameters, so a path that holds an escape ({@code %}) or a parameter ({@code ;})
	 * is left to Spring alone; so is every path when patterns ignore case.
	 */
	private @Nullable String comparablePath(HttpServletRequest request) {
		PathPatternParser parser = getPatternParser();
		if (parser == null || !parser.isCaseSensitive() || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return null;
		}
		String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		return (path.indexOf('%') >= 0 || path.indexOf(';') >= 0) ? null : path;
	}

	private static boolean startsWithAny(String path, String[] starts) {
		for (String start : starts) {
			if (path.startsWith(start)) {
				return true;
			}
		}
		return false;
	}

	/** Each pattern's text up to its first variable or wildcard. */
	static String[] starts(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null || condition.getPatterns().isEmpty()) {
			return ANY;
		}
		return condition.getPatterns().stream().map(PathPattern::getPatternString).map(pattern -> {
			int end = pattern.length();
			for (char wild : new char[] { '{', '*', '?' }) {
				int at = pattern.indexOf(wild);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			return pattern.substring(0, end);
		}).toArray(String[]::new);
	}

	/** Puts this mapping where Spring Boot would put its own. */
	@Component
	static final class Registration implements WebMvcRegistrations {

		@Override
		public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
			return new PathFirstHandlerMapping();
		}

	}

}
