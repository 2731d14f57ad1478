package io.contactsync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a user name stays locked after wrong passwords (docs/targets.md S4). */
@Tag("quality")
class FailedLoginsTest {

	private Instant now = Instant.parse("2026-11-24T08:00:00Z");

	private final FailedLogins logins = new FailedLogins(new Clock() {
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
	});

	@Test
	void fourWrongPasswordsAreFreeTheFifthLocksForThirtySeconds() {
		for (int i = 0; i < 4; i++) {
			logins.failed("kari");
		}
		assertThat(logins.isLocked("kari")).isFalse();

		logins.failed("Kari");

		assertThat(logins.isLocked("kari")).as("names are counted without case").isTrue();
		now = now.plusSeconds(29);
		assertThat(logins.isLocked("kari")).isTrue();
		now = now.plusSeconds(2);
		assertThat(logins.isLocked("kari")).isFalse();
		assertThat(logins.isLocked("ola")).as("other names are not touched").isFalse();
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
		for (int i = 0; i < 4; i++) {
			logins.failed("per");
		}
		now = now.plus(Duration.ofMinutes(16));

		logins.failed("per");

		assertThat(logins.isLocked("per")).isFalse();
	}

}
