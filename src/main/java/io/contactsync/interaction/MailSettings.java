package io.contactsync.interaction;

import java.time.Duration;

import io.contactsync.platform.Backoff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mail leaves the outbox ({@code contactsync.mail.*}; docs/operations.md, "Mail").
 *
 * @param lease how long an instance holds a message it is sending; one whose instance
 * died is sent by another, or by the same after a restart, once this ran out. Keep it
 * well above the SMTP timeouts, or a slow server's message may go out twice.
 * @param sweepInterval how often an instance looks for mail whose time has come: retries,
 * messages of a dead instance, and what waited while no SMTP server was configured
 * @param retryFirst the wait after the first failed attempt
 * @param retryCap the longest wait between two attempts
 * @param retryPatience how long after the first attempt a message is tried before it is
 * given up (FAILED)
 * @param batch how many messages one claim takes
 */
@ConfigurationProperties("contactsync.mail")
record MailSettings(@DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration sweepInterval,
		@DefaultValue("30s") Duration retryFirst, @DefaultValue("1h") Duration retryCap,
		@DefaultValue("2d") Duration retryPatience, @DefaultValue("20") int batch) {

	MailSettings {
		if (lease.isNegative() || lease.isZero() || sweepInterval.isNegative() || sweepInterval.isZero() || batch < 1) {
			throw new IllegalArgumentException(
					"contactsync.mail.lease and sweep-interval must be longer than 0, batch at least 1");
		}
	}

	Backoff backoff() {
		return new Backoff(retryFirst, retryCap, retryPatience);
	}

}
