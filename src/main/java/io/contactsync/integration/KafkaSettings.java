package io.contactsync.integration;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka publishing ({@code contactsync.events.kafka.*}; docs/integration.md): off until
 * bootstrap servers are set.
 *
 * @param bootstrapServers the brokers, {@code host:port,...}; null: no Kafka
 * @param topicPrefix put before each record type's topic name
 * ({@code contactsync.customer}, {@code contactsync.bank-account}, ...)
 * @param lease how long the instance that publishes holds that task without renewing it;
 * another takes over once it ran out
 */
@ConfigurationProperties("contactsync.events.kafka")
record KafkaSettings(@Nullable String bootstrapServers, @DefaultValue("contactsync.") String topicPrefix,
		@DefaultValue("30s") Duration lease) {

	boolean enabled() {
		return bootstrapServers != null && !bootstrapServers.isBlank();
	}

	/** The topic of a record type's events: {@code contactsync.bank-account}. */
	String topic(String recordType) {
		return topicPrefix + recordType.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
