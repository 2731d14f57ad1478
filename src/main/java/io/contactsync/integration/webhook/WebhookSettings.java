package io.contactsync.integration.webhook;

import java.time.Duration;

import io.contactsync.platform.Backoff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code contactsync.webhooks.*}; docs/webhooks.md).
 *
 * @param allowPrivateAddresses let endpoints on loopback, private and link-local
 * addresses through (a receiver on the same host or network); cloud metadata addresses
 * stay refused. Off by default: an administrator's URL must not reach into the network
 * the service runs in
 * @param firstRetry the wait after the first failed attempt, before jitter
 * @param maxRetryWait the longest wait between two attempts
 * @param patience how long an endpoint keeps being retried after the first failure of an
 * event before it is disabled
 * @param lease how long an instance holds an endpoint it delivers to without renewing it;
 * an endpoint whose instance died is taken over once this ran out
 * @param pollInterval how often an instance looks for endpoints to deliver to when no new
 * event wakes it
 * @param connectTimeout how long a receiver may take to accept the connection
 * @param readTimeout how long a receiver may take to answer a delivery
 * @param batchSize how many events an endpoint gets before its progress is committed
 * @param workers how many endpoints one instance delivers to at the same time
 * @param lanes how many records' events one endpoint is sent at the same time (a record's
 * own events always one after the other)
 * @param logRetention how long the delivery log keeps an attempt
 * @param gather how long an instance waits, once woken by a new event, for the events
 * committed right after it, so that one round delivers them together: each round costs an
 * endpoint's claim, its batch's commit and its release, whatever its size (0: none)
 */
@ConfigurationProperties("contactsync.webhooks")
record WebhookSettings(@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("10s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetryWait, @DefaultValue("24h") Duration patience,
		@DefaultValue("30s") Duration lease, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("100") int batchSize, @DefaultValue("4") int workers, @DefaultValue("8") int lanes,
		@DefaultValue("30d") Duration logRetention, @DefaultValue("50ms") Duration gather) {

	WebhookSettings {
		for (Duration duration : new Duration[] { firstRetry, maxRetryWait, patience, lease, pollInterval,
				connectTimeout, readTimeout, logRetention }) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("contactsync.webhooks durations must be longer than 0");
			}
		}
		if (gather.isNegative()) {
			throw new IllegalArgumentException("contactsync.webhooks.gather must not be negative");
		}
		if (batchSize < 1 || workers < 1 || lanes < 1) {
			throw new IllegalArgumentException("contactsync.webhooks.batch-size, workers and lanes must be at least 1");
		}
	}

	Backoff backoff() {
		return new Backoff(firstRetry, maxRetryWait.compareTo(firstRetry) < 0 ? firstRetry : maxRetryWait, patience);
	}

}
