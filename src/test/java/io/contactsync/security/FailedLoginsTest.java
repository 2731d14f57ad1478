package io.contactsync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a user name stays locked after wrong passwords, for which address, and that
 * instances share the count (docs/security.md, "Sign-in lockout"). Each test stands for
 * one or two instances with a clock of its own, on the test database; each uses user
 * names of its own.
 */
@Tag("quality")
@ExtendWith(OutputCaptureExtension.class)
class FailedLoginsTest extends ApiTest {

	private static final String HOME = "192.0.2.10";

	private static final String STRANGER = "203.0.113.66";

	@Autowired
	JdbcClient jdbc;

	/**
	 * Starts at the real time: other tests' sign-ins share the table, and tidy away what
	 * lies long before their clock.
	 */
	private Instant now = Instant.now();

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	@Test
	void fourWrongPasswordsAreFreeTheFifthLocksForThirtySeconds() {
		FailedLogins logins = new FailedLogins(jdbc, clock);
		String kari = "kari-" + unique().toLowerCase();
		for (int i = 0; i < 4; i++) {
			logins.failed(kari, HOME);
		}
		assertThat(logins.isLocked(kari, HOME)).isFalse();

		logins.failed(kari.toUpperCase(), HOME);

		assertThat(logins.isLocked(kari, HOME)).as("names are counted without case").isTrue();
		now = now.plusSeconds(29);
		assertThat(logins.isLocked(kari, HOME)).isTrue();
		now = now.plusSeconds(2);
		assertThat(logins.isLocked(kari, HOME)).isFalse();
		assertThat(logins.isLocked("ola-" + unique().toLowerCase(), HOME)).as("other names are not touched").isFalse();
	}

	@Test
	void eachFurtherWrongPasswordDoublesTheLockUpToFifteenMinutes() {
		assertThat(FailedLogins.lockFor(4)).isZero();
		assertThat(FailedLogins.lockFor(5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(FailedLogins.lockFor(6)).isEqualTo(Duration.ofSeconds(60));
		assertThat(FailedLogins.lockFor(9)).isEqualTo(Duration.ofMinutes(8));
		assertThat(FailedLogins.lockFor(10)).isEqualTo(Duration.ofMinutes(15));
		assertThat(FailedLogins.lockFor(100)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void failuresLongAgoNoLongerCountAsInARow() {
		FailedLogins logins = new FailedLogins(jdbc, clock);
		String per = "per-" + unique().toLowerCase();
		for (int i = 0; i < 4; i++) {
			logins.failed(per, HOME);
		}
		now = now.plus(Duration.ofMinutes(16));

		logins.failed(per, HOME);

		assertThat(logins.isLocked(per, HOME)).isFalse();
	}

	@Test
	void strangersGuessingFromElsewhereDoNotLockTheUserOutAtHome() {
		FailedLogins logins = new FailedLogins(jdbc, clock);
		String admin = "admin-" + unique().toLowerCase();
		for (int i = 0; i < 20; i++) {
			logins.failed(admin, STRANGER);
		}

		assertThat(logins.isLocked(admin, STRANGER)).as("the guesser is locked").isTrue();
		assertThat(logins.isLocked(admin, HOME)).as("the user at home is not").isFalse();
	}

	@Test
	void instancesShareTheCount() {
		FailedLogins first = new FailedLogins(jdbc, clock);
		FailedLogins second = new FailedLogins(jdbc, clock);
		String name = "delt-" + unique().toLowerCase();
		for (int i = 0; i < 3; i++) {
			first.failed(name, HOME);
		}
		second.failed(name, HOME);
		assertThat(first.isLocked(name, HOME)).isFalse();

		second.failed(name, HOME);

		assertThat(first.isLocked(name, HOME)).as("the fifth, on the other instance, locks here too").isTrue();
		assertThat(second.isLocked(name, HOME)).isTrue();
	}

	@Test
	void aWrongPasswordIsLoggedWithUserAndAddressAndNoLineCanBeForged(CapturedOutput output) {
		FailedLogins logins = new FailedLogins(jdbc, clock);
		String name = "logget-" + unique().toLowerCase();

		logins.failed(name + "\nFORGED LINE", STRANGER);

		assertThat(output.getOut())
			.contains("Sign-in failed for user '" + name + "?FORGED LINE' from " + STRANGER + " at " + now);
		assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FORGED LINE"));
	}

}
