package io.contactsync.integration;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Stand-in for the change feed's filter until it lands on main. */
public record FeedFilter(Set<String> eventTypes, Set<String> recordTypes, @Nullable String excludeSourceSystem) {

	public static FeedFilter all() {
		return new FeedFilter(Set.of(), Set.of(), null);
	}

	public boolean matches(FeedEvent e) {
		return (eventTypes.isEmpty() || eventTypes.contains(e.type()))
				&& (recordTypes.isEmpty() || recordTypes.contains(e.recordType()))
				&& (excludeSourceSystem == null || !excludeSourceSystem.equals(e.sourceSystem()));
	}

}
