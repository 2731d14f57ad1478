package io.contactsync.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofHours(24));

	@Test
	void waitsGrowExponentiallyWithJitterBetweenHalfAndAll() {
		for (int attempt = 1; attempt <= 6; attempt++) {
			long ceiling = 1000L << (attempt - 1);
			for (int i = 0; i < 200; i++) {
				long wait = backoff.after(attempt).toMillis();
				assertThat(wait).isBetween(ceiling / 2, ceiling);
			}
		}
	}

	@Test
	void waitsNeverExceedTheCapHoweverManyAttempts() {
		// from the 11th attempt on, 1 s doubled ten times (17 min) is past the cap
		for (int attempt : new int[] { 11, 12, 31, 64, Integer.MAX_VALUE }) {
			assertThat(backoff.after(attempt)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
		}
	}

	@Test
	void jitterSpreadsTheWaits() {
		long distinct = java.util.stream.IntStream.range(0, 50)
			.mapToLong(i -> backoff.after(8).toMillis())
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(10);
	}

	@Test
	void givesUpOnceThePatienceIsSpent() {
		assertThat(backoff.givesUp(Duration.ofHours(23))).isFalse();
		assertThat(backoff.givesUp(Duration.ofHours(24))).isTrue();
	}

	@Test
	void refusesAFirstWaitLongerThanTheCap() {
		assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
