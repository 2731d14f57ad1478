package io.contactsync.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows down password guessing (docs/security.md, "Sign-in lockout"): after five wrong
 * passwords in a row for one user name from one source address, that name is locked for
 * that address for 30 seconds, and for twice as long after each further wrong one, up to
 * 15 minutes. Right or wrong, a locked name is refused without its password being
 * checked, and the refusal reads like any other, so a guesser learns nothing. A
 * successful sign-in clears the count. Unknown names count too, so that locking does not
 * tell which names exist.
 * <p>
 * Kept in the database, so every instance sees the same count. Keyed by address, so
 * strangers guessing from elsewhere cannot lock a user out, and a valid token is never
 * stopped by it. Every wrong password is logged: user name, address and time; never the
 * password.
 */
@Component
class FailedLogins {

	private static final Logger log = LoggerFactory.getLogger(FailedLogins.class);

	static final int FREE_ATTEMPTS = 5;

	static final Duration FIRST_LOCK = Duration.ofSeconds(30);

	static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

	/** Where the source address is not known (not a web request). */
	static final String UNKNOWN_ADDRESS = "unknown";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Counter failures;

	private final Counter lockouts;

	@Autowired
	FailedLogins(JdbcClient jdbc, MeterRegistry registry) {
		this(jdbc, Clock.systemUTC(), registry);
	}

	FailedLogins(JdbcClient jdbc, Clock clock) {
		this(jdbc, clock, new SimpleMeterRegistry());
	}

	FailedLogins(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.failures = Counter.builder("contactsync.signin.failures")
			.description("Wrong passwords, from any source address")
			.register(registry);
		this.lockouts = Counter.builder("contactsync.signin.lockouts")
			.description("Wrong passwords that locked a user name for a source address")
			.register(registry);
	}

	/** Whether the name is locked for the address of the request being served. */
	boolean isLocked(String username) {
		return isLocked(username, currentAddress());
	}

	boolean isLocked(String username, String address) {
		return jdbc.sql("SELECT locked_until > ? FROM failed_login WHERE username = ? AND address = ?")
			.params(Timestamp.from(clock.instant()), key(username), address)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		jdbc.sql("DELETE FROM failed_login WHERE username = ? AND address = ?")
			.params(key(event.getAuthentication().getName()), address(event.getAuthentication().getDetails()))
			.update();
	}

	void failed(String username, String address) {
		Instant now = clock.instant();
		log.warn("Sign-in failed for user '{}' from {} at {}", printable(username), address, now);
		// Failures long past the last lock no longer count as in a row.
		int inARow = jdbc.sql("""
				INSERT INTO failed_login AS f (username, address, failures, locked_until, last_failure_at)
				VALUES (:username, :address, 1, :now, :now)
				ON CONFLICT (username, address) DO UPDATE SET last_failure_at = :now,
					failures = CASE WHEN f.locked_until < :forgotten THEN 1 ELSE f.failures + 1 END
				RETURNING failures""")
			.param("username", key(username))
			.param("address", address)
			.param("now", Timestamp.from(now))
			.param("forgotten", Timestamp.from(now.minus(LONGEST_LOCK)))
			.query(Integer.class)
			.single();
		Duration lock = lockFor(inARow);
		jdbc.sql("UPDATE failed_login SET locked_until = ? WHERE username = ? AND address = ?")
			.params(Timestamp.from(now.plus(lock)), key(username), address)
			.update();
		failures.increment();
		if (!lock.isZero()) {
			lockouts.increment();
		}
		// What is forgotten anyway is dropped, so a flood of names cannot fill the table.
		jdbc.sql("DELETE FROM failed_login WHERE locked_until < ?")
			.param(Timestamp.from(now.minus(LONGEST_LOCK)))
			.update();
	}

	static Duration lockFor(int failures) {
		if (failures < FREE_ATTEMPTS) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
		Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
		return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
	}

	/**
	 * The client's address as the server sees it; behind a proxy that is the proxy's
	 * unless forwarded headers are trusted (docs/security.md).
	 */
	private static String address(Object details) {
		if (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			return bounded(web.getRemoteAddress());
		}
		return currentAddress();
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			if (request.getRemoteAddr() != null) {
				return bounded(request.getRemoteAddr());
			}
		}
		return UNKNOWN_ADDRESS;
	}

	/** An IPv6 address with a zone fits; anything longer is not an address to trust. */
	private static String bounded(String address) {
		return address.length() > 64 ? address.substring(0, 64) : address;
	}

	private static String key(String username) {
		String name = username.toLowerCase(Locale.ROOT);
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** A user name as typed may hold line breaks: never let it forge a log line. */
	private static String printable(String username) {
		String name = username.length() > 100 ? username.substring(0, 100) + "…" : username;
		return name.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
