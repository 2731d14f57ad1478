package io.contactsync.exchange.imports;

import java.util.OptionalLong;

import io.contactsync.platform.LargeUpload;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large an import's file may be ({@code contactsync.imports.*}; docs/import.md,
 * "Files"). An import of 100,000 rows is a CSV file of some 10 to 15 MB, far above the
 * general {@code contactsync.max-request-bytes}; the upload of an import, through the API
 * or the import page, has this limit instead, and every other request keeps the general
 * one.
 *
 * @param maxFileBytes the largest upload of an import's file, in bytes (the body of the
 * request, with the page's form around the file); a larger one is refused with 413
 */
@ConfigurationProperties("contactsync.imports")
record ImportLimits(@DefaultValue("52428800") long maxFileBytes) implements LargeUpload {

	ImportLimits {
		if (maxFileBytes < 1) {
			throw new IllegalArgumentException("contactsync.imports.max-file-bytes must be at least 1");
		}
	}

	/** The upload of a file to import: the API's and the import page's. */
	@Override
	public OptionalLong maxBytes(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return OptionalLong.empty();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api/v1/imports") || path.equals("/imports") ? OptionalLong.of(maxFileBytes)
				: OptionalLong.empty();
	}

}
