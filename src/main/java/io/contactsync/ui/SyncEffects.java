package io.contactsync.ui;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which other records a page's save changed or made, so that the page can say Also
 * updated: Contact KT000010 (the contact made for a new customer, the customer the sync
 * carried a change to, the people whose phone followed their company's). It listens to
 * the same events the change log records, on the thread of the save, and only while a
 * page asks.
 */
@Component
class SyncEffects {

	private static final Set<String> RECORD_TYPES = Set.of("CONTACT", "CUSTOMER", "VENDOR", "BANK_ACCOUNT");

	private static final ThreadLocal<@Nullable Map<Touched, Boolean>> SEEN = new ThreadLocal<>();

	/** A record the save changed or made. */
	record Touched(String recordType, String no) {
	}

	/** What a save returned, and every record it changed or made. */
	record Outcome<T>(T result, Map<Touched, Boolean> touched) {

		/**
		 * The records changed or made besides the one the page saved: a new customer's
		 * contact, the records the sync carried the change to, the people that followed.
		 */
		List<Touched> alsoUpdated(String recordType, String no) {
			Touched saved = new Touched(recordType, no);
			return touched.keySet().stream().filter(record -> !record.equals(saved)).toList();
		}

		/**
		 * The records an action changed besides the contact it was started from, leaving
		 * out what it made: the action's own message names that.
		 */
		List<Touched> changedBesides(String recordType, String no) {
			Touched from = new Touched(recordType, no);
			return touched.entrySet()
				.stream()
				.filter(entry -> !entry.getValue() && !entry.getKey().equals(from))
				.map(Map.Entry::getKey)
				.toList();
		}

	}

	<T> Outcome<T> during(Supplier<T> save) {
		Map<Touched, Boolean> seen = new LinkedHashMap<>();
		SEEN.set(seen);
		try {
			T result = save.get();
			return new Outcome<>(result, Collections.unmodifiableMap(seen));
		}
		finally {
			SEEN.remove();
		}
	}

	/** Records each record once, remembering whether the save made it. */
	@EventListener
	void on(RecordEvent event) {
		Map<Touched, Boolean> seen = SEEN.get();
		RecordChange change = event.change();
		if (seen != null && change.kind() != RecordChange.Kind.DELETED && RECORD_TYPES.contains(change.recordType())) {
			seen.merge(new Touched(change.recordType(), change.no()), change.kind() == RecordChange.Kind.CREATED,
					Boolean::logicalOr);
		}
	}

}
