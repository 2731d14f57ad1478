package io.contactsync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (quality.md S4): after five wrong passwords in a row for
 * one user name, that name is locked for 30 seconds, and for twice as long after each
 * further wrong one, up to 15 minutes. Right or wrong, a locked name is refused without
 * its password being checked, and the refusal reads like any other, so a guesser learns
 * nothing. A successful sign-in clears the count. Unknown names count too, so that
 * locking does not tell which names exist. Kept in memory: a restart forgets, and each
 * instance counts its own.
 */
@Component
class FailedLogins {

	static final int FREE_ATTEMPTS = 5;

	static final Duration FIRST_LOCK = Duration.ofSeconds(30);

	static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

	/**
	 * Beyond this many names the expired entries are dropped, so a flood cannot fill
	 * memory.
	 */
	private static final int TIDY_ABOVE = 10_000;

	private final Map<String, Failures> byName = new ConcurrentHashMap<>();

	private final Clock clock;

	FailedLogins() {
		this(Clock.systemUTC());
	}

	FailedLogins(Clock clock) {
		this.clock = clock;
	}

	private record Failures(int count, Instant lockedUntil) {
	}

	boolean isLocked(String username) {
		Failures failures = byName.get(key(username));
		return failures != null && clock.instant().isBefore(failures.lockedUntil());
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		failed(event.getAuthentication().getName());
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		byName.remove(key(event.getAuthentication().getName()));
	}

	void failed(String username) {
		Instant now = clock.instant();
		byName.compute(key(username), (name, before) -> {
			// Failures long past the last lock no longer count as in a row.
			boolean fresh = before == null || now.isAfter(before.lockedUntil().plus(LONGEST_LOCK));
			int count = fresh ? 1 : before.count() + 1;
			return new Failures(count, now.plus(lockFor(count)));
		});
		if (byName.size() > TIDY_ABOVE) {
			byName.values()
				.removeIf(failures -> failures.count() < FREE_ATTEMPTS
						|| now.isAfter(failures.lockedUntil().plus(LONGEST_LOCK)));
		}
	}

	static Duration lockFor(int failures) {
		if (failures < FREE_ATTEMPTS) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
		Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
		return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
	}

	private static String key(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

}
