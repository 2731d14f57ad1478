package io.contactsync.platform;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An upload that may be larger than {@code contactsync.max-request-bytes}, with a limit
 * of its own (such as an import's file, docs/import.md). The request size limit asks each
 * such bean before it counts a request's body; every other request keeps the general
 * limit.
 */
public interface LargeUpload {

	/**
	 * The largest body this request may have; empty when the request is not this upload.
	 */
	OptionalLong maxBytes(HttpServletRequest request);

}
