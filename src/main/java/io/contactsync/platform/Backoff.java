package io.contactsync.platform;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again what left the system after a commit and failed (a mail, a webhook
 * delivery): exponentially later with each attempt, with full jitter so that many
 * deliveries failing at once do not all come back at the same moment, and never later
 * than a cap. A sender gives up when {@link #givesUp} says the first attempt lies longer
 * ago than the policy's patience.
 *
 * @param first the wait after the first failed attempt, before jitter
 * @param cap the longest wait between two attempts
 * @param patience how long after the first attempt the sender keeps trying
 */
public record Backoff(Duration first, Duration cap, Duration patience) {

	public Backoff {
		if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
			throw new IllegalArgumentException("A backoff needs 0 < first <= cap, not " + first + " and " + cap);
		}
	}

	/**
	 * The wait before attempt {@code failedAttempts + 1}: a random share (half to all) of
	 * {@code first * 2^(failedAttempts - 1)}, at most the cap.
	 */
	public Duration after(int failedAttempts) {
		int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
		long ceiling = Math.min(cap.toMillis(), first.toMillis() << doublings);
		if (ceiling <= 0 || ceiling > cap.toMillis()) {
			ceiling = cap.toMillis();
		}
		// Half fixed, half random ("equal jitter"): never immediately again, never all
		// at once.
		long half = ceiling / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
	}

	/**
	 * Whether a sender whose first attempt was {@code sinceFirstAttempt} ago gives up.
	 */
	public boolean givesUp(Duration sinceFirstAttempt) {
		return sinceFirstAttempt.compareTo(patience) >= 0;
	}

}
