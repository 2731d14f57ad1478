package io.contactsync.platform;

import org.jspecify.annotations.Nullable;

/**
 * The change log entry last written on this thread: the cause that the sync records on
 * the changes it carries. The change log writes it before any other listener of the same
 * event runs.
 */
public final class ChangeLogEntries {

	private static final ThreadLocal<@Nullable Long> LAST = new ThreadLocal<>();

	private ChangeLogEntries() {
	}

	public static @Nullable Long last() {
		return LAST.get();
	}

	public static void written(@Nullable Long entryId) {
		if (entryId == null) {
			LAST.remove();
		}
		else {
			LAST.set(entryId);
		}
	}

}
