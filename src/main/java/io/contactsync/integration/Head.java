package io.contactsync.integration;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The newest position this instance has seen numbered, and the readers waiting for one
 * beyond theirs (long polling, the webhook and Kafka deliveries): they wake as soon as
 * the sequencer moves it, not at their next poll.
 */
@Component
class Head {

	private long position;

	/** The newest position seen numbered, without asking the database. */
	synchronized long position() {
		return position;
	}

	synchronized void advanceTo(long newest) {
		if (newest > position) {
			position = newest;
			notifyAll();
		}
	}

	/**
	 * Waits until the head lies beyond {@code after}, at most {@code wait}; whether it
	 * does.
	 */
	synchronized boolean awaitBeyond(long after, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (position <= after) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return true;
	}

}
