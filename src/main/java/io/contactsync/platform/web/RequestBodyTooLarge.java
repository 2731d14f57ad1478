package io.contactsync.platform.web;

import java.io.IOException;

import io.contactsync.platform.Message;
import org.springframework.modulith.NamedInterface;

/**
 * A request body, sent without a length, passed the limit while it was read: the answer
 * is a 413, whoever was reading it.
 */
@NamedInterface("web")
public final class RequestBodyTooLarge extends IOException {

	private final long maxBytes;

	public RequestBodyTooLarge(long maxBytes) {
		super(detail(maxBytes).english());
		this.maxBytes = maxBytes;
	}

	/** What the client is told: how much is too much, and what to do. */
	public static Message detail(long maxBytes) {
		return Message.of("detail.tooLarge", Long.toString(maxBytes));
	}

	/** What the client is told about the failure this was the cause of. */
	static Message detailOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestBodyTooLarge tooLarge) {
				return detail(tooLarge.maxBytes);
			}
		}
		return Message.of("detail.tooLarge.unknown");
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
