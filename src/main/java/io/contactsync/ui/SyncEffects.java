package io.contactsync.ui;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.table.RecordEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which other records the sync changed while a page's save ran, so that the page can say
 * Also updated: Customer K00010. It listens to the same events the change log records, on
 * the thread of the save, and only while a page asks.
 */
@Component
class SyncEffects {

	private static final Set<String> RECORD_TYPES = Set.of("CONTACT", "CUSTOMER", "VENDOR", "BANK_ACCOUNT");

	private static final ThreadLocal<@Nullable Set<Touched>> SEEN = new ThreadLocal<>();

	/** A record the sync changed. */
	record Touched(String recordType, String no) {
	}

	/** What a save returned, and what the sync also changed. */
	record Outcome<T>(T result, List<Touched> alsoUpdated) {
	}

	<T> Outcome<T> during(Supplier<T> save) {
		Set<Touched> seen = new LinkedHashSet<>();
		SEEN.set(seen);
		try {
			T result = save.get();
			return new Outcome<>(result, List.copyOf(seen));
		}
		finally {
			SEEN.remove();
		}
	}

	@EventListener
	void on(RecordEvent change) {
		Set<Touched> seen = SEEN.get();
		if (seen != null && change.actor().origin() == ChangeOrigin.SYNC
				&& RECORD_TYPES.contains(change.recordType())) {
			seen.add(new Touched(change.recordType(), change.no()));
		}
	}

}
