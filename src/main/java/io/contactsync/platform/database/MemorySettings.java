package io.contactsync.platform.database;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded server's memory, sized for the machine it runs on. PostgreSQL's own
 * default (128 MB of shared buffers, a 4 GB cache assumed) leaves a million contacts'
 * indexes outside its buffers, and a random read then goes through the kernel for pages
 * it could have held. The embedded server shares its machine with the service and perhaps
 * others, so it takes a sixteenth of the memory for its buffers (at least the default, at
 * most 2 GB), not the quarter advised for a machine of its own, and tells the planner
 * that half the memory may cache its files. A user's
 * {@code contactsync.embedded-database-settings.*} come after these and win.
 */
final class MemorySettings {

	private static final long MB = 1024 * 1024;

	private MemorySettings() {
	}

	/** For this machine, or its container's limit, which the JVM reports. */
	static Map<String, String> forThisMachine() {
		return forMemory(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize());
	}

	static Map<String, String> forMemory(long totalBytes) {
		long sharedBuffers = Math.min(Math.max(totalBytes / 16, 128 * MB), 2048 * MB);
		long cache = Math.max(totalBytes / 2, sharedBuffers);
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("shared_buffers", sharedBuffers / MB + "MB");
		settings.put("effective_cache_size", cache / MB + "MB");
		return settings;
	}

}
