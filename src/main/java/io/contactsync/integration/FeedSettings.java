package io.contactsync.integration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the change feed is kept ({@code contactsync.events.*}; docs/integration.md).
 *
 * @param retention how long committed events stay readable in the feed; a cursor older
 * than that gets 410 CURSOR_EXPIRED
 * @param pollInterval how often an instance looks for events committed through other
 * instances (its own commits wake it at once)
 * @param maxWait the longest a reader of the feed may wait for new events ({@code wait=})
 */
@ConfigurationProperties("contactsync.events")
record FeedSettings(@DefaultValue("30d") Duration retention, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("60s") Duration maxWait) {

	FeedSettings {
		if (retention.isNegative() || retention.isZero() || pollInterval.isNegative() || pollInterval.isZero()
				|| maxWait.isNegative()) {
			throw new IllegalArgumentException(
					"contactsync.events.retention and poll-interval must be longer than 0, max-wait not negative");
		}
	}

}
