package io.contactsync.platform.web;

import java.io.IOException;
import org.springframework.modulith.NamedInterface;

/**
 * A request body, sent without a length, passed the limit while it was read: the answer
 * is a 413, whoever was reading it.
 */
@NamedInterface("web")
public final class RequestBodyTooLarge extends IOException {

	public RequestBodyTooLarge(long maxBytes) {
		super(detail(maxBytes));
	}

	/** What the client is told: how much is too much, and what to do. */
	public static String detail(long maxBytes) {
		return "The request body is larger than " + maxBytes + " bytes; send less at a time.";
	}

	/** Whether this, or what it was wrapped in, is the cause of a failure. */
	public static boolean isCauseOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLarge) {
				return true;
			}
		}
		return false;
	}

}
