package io.contactsync.integration;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.contactsync.platform.AfterCommit;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Stand-in for the change feed until the outbox lands on main: the committed events of
 * this instance, in memory, in commit order.
 */
@Service
public class ChangeFeed {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<FeedEvent> events = new ArrayList<>();

	private final Set<String> seenTypes = new TreeSet<>();

	private long expiredBefore = 0;

	@EventListener
	void on(RecordEvent event) {
		AfterCommit.run(() -> append(event));
	}

	private synchronized void append(RecordEvent event) {
		long position = events.size() + 1;
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("id", "evt_" + position);
		json.put("type", event.eventType());
		json.put("recordType", event.recordType());
		json.put("no", event.no());
		json.put("version", event.change().version());
		json.put("at", at.toString());
		json.put("origin", event.actor().origin().name());
		json.put("user", event.actor().user());
		json.put("sourceSystem", null);
		json.put("causedBy", event.actor().causedBy());
		Map<String, Object> changes = new LinkedHashMap<>();
		for (FieldChange change : event.changes()) {
			Map<String, @Nullable Object> oldNew = new LinkedHashMap<>();
			oldNew.put("old", change.oldValue());
			oldNew.put("new", change.newValue());
			changes.put(change.field(), oldNew);
		}
		json.put("changes", changes);
		events.add(new FeedEvent(position, "evt_" + position, event.eventType(), event.recordType(), event.no(), null,
				at, JSON.writeValueAsString(json)));
		seenTypes.add(event.eventType());
		notifyAll();
	}

	public synchronized List<FeedEvent> read(long after, int limit, FeedFilter filter) {
		if (after < expiredBefore) {
			throw new CursorExpired(after);
		}
		List<FeedEvent> found = new ArrayList<>();
		for (int i = (int) Math.max(0, after); i < events.size() && found.size() < limit; i++) {
			if (filter.matches(events.get(i))) {
				found.add(events.get(i));
			}
		}
		return found;
	}

	public synchronized long head() {
		return events.size();
	}

	public synchronized boolean await(long after, Duration wait) throws InterruptedException {
		long until = System.nanoTime() + wait.toNanos();
		while (events.size() <= after) {
			long left = until - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

	public Set<String> eventTypes() {
		return Set.of("contact.created", "contact.changed", "contact.deleted", "customer.created", "customer.changed",
				"customer.deleted", "vendor.created", "vendor.changed", "vendor.deleted", "bank-account.created",
				"bank-account.changed", "bank-account.deleted", "business-relation.added", "business-relation.removed",
				"document.created", "document.changed", "document.deleted", "interaction.logged",
				"interaction.canceled", "setup.created", "setup.changed", "setup.deleted", "webhook.disabled");
	}

}
