package io.contactsync.integration;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which events a reader of the feed follows: some event types, some record types, and not
 * those that came from its own system (so that a two-way integration does not get its own
 * writes back). An empty set means all.
 */
public record FeedFilter(Set<String> eventTypes, Set<String> recordTypes, @Nullable String excludeSourceSystem) {

	/** The record types events are published for (docs/events.md). */
	public static final Set<String> RECORD_TYPES = Set.of("CONTACT", "CUSTOMER", "VENDOR", "BANK_ACCOUNT",
			"CONTACT_BUSINESS_RELATION", "SALES_DOCUMENT", "PURCHASE_DOCUMENT", "SERVICE_ORDER", "INTERACTION", "SETUP",
			"WEBHOOK");

	public FeedFilter {
		eventTypes = Set.copyOf(eventTypes);
		recordTypes = Set.copyOf(recordTypes);
	}

	public static FeedFilter all() {
		return new FeedFilter(Set.of(), Set.of(), null);
	}

	public boolean matches(FeedEvent event) {
		return (eventTypes.isEmpty() || eventTypes.contains(event.type()))
				&& (recordTypes.isEmpty() || recordTypes.contains(event.recordType()))
				&& (excludeSourceSystem == null || !excludeSourceSystem.equals(event.sourceSystem()));
	}

}
