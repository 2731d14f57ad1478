package io.contactsync.platform;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How an instance names itself in the leases it takes (jobs, webhook endpoints, the Kafka
 * relay): host and process, so that an operator sees who holds what, and a random part,
 * so that a restart is a new owner and never mistakes an old lease for its own.
 */
public final class LeaseOwner {

	private LeaseOwner() {
	}

	/** A new owner name, at most 89 characters. */
	public static String newName() {
		String name = ManagementFactory.getRuntimeMXBean().getName();
		String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		return (name.length() > 80 ? name.substring(0, 80) : name) + "/" + random;
	}

}
