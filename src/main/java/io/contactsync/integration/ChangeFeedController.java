package io.contactsync.integration;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.contactsync.platform.Actor;
import io.contactsync.platform.Message;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed: committed changes in commit order, from a cursor, for systems that
 * follow ContactSync (docs/integration.md). A reader sees the record types its roles may
 * read.
 */
@RestController
@RequestMapping("/api/v1/changes")
class ChangeFeedController {

	private final ChangeFeed feed;

	private final FeedSettings settings;

	ChangeFeedController(ChangeFeed feed, FeedSettings settings) {
		this.feed = feed;
		this.settings = settings;
	}

	/** A stretch of the feed; {@code next} is where to read on, never null. */
	@Schema(name = "ChangePage")
	record ChangePage(@ArraySchema(schema = @Schema(implementation = ChangeEvent.class)) @JsonRawValue String items,
			String next) {
	}

	@Operation(operationId = "listChanges",
			description = "Committed changes in commit order after a cursor (absent: from the oldest kept)."
					+ " wait=seconds holds the answer until there is something or the time is up.")
	@GetMapping
	ChangePage list(@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String recordType,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String excludeSourceSystem,
			@RequestParam(required = false) @Nullable Integer wait) throws InterruptedException {
		long from = after == null ? feed.oldest() : cursor(after);
		int size = Page.limit(limit);
		Duration waiting = waiting(wait);
		FeedFilter filter = new FeedFilter(eventTypes(type), readable(recordType),
				excludeSourceSystem == null ? null : excludeSourceSystem.strip().toLowerCase(Locale.ROOT));
		ChangeFeed.Stretch stretch = feed.stretch(from, size, filter);
		if (stretch.events().isEmpty() && !waiting.isZero() && feed.await(stretch.next(), waiting)) {
			stretch = feed.stretch(stretch.next(), size, filter);
		}
		String items = stretch.events().stream().map(FeedEvent::json).collect(Collectors.joining(",", "[", "]"));
		return new ChangePage(items, Long.toString(stretch.next()));
	}

	private long cursor(String after) {
		long position;
		try {
			position = Long.parseLong(after.strip());
		}
		catch (NumberFormatException ex) {
			throw new Problems.MalformedRequest("after", "invalid.feedCursor");
		}
		if (position < 0) {
			throw new Problems.MalformedRequest("after", "invalid.feedCursor");
		}
		long head = feed.head();
		if (position > head) {
			throw new Problems.ValidationFailed("after", "invalid.feedCursorAhead", Long.toString(head));
		}
		return position;
	}

	private Duration waiting(@Nullable Integer wait) {
		if (wait == null) {
			return Duration.ZERO;
		}
		if (wait < 0 || wait > settings.maxWait().toSeconds()) {
			throw new Problems.ValidationFailed("wait", "invalid.between", "0",
					Long.toString(settings.maxWait().toSeconds()));
		}
		return Duration.ofSeconds(wait);
	}

	private Set<String> eventTypes(@Nullable String types) {
		Set<String> wanted = list(types);
		List<String> unknown = wanted.stream().filter(t -> !feed.eventTypes().contains(t)).toList();
		if (!unknown.isEmpty()) {
			throw new Problems.ValidationFailed("type", "invalid.eventType", String.join(", ", unknown));
		}
		return wanted;
	}

	/**
	 * The record types asked for, or all this reader may see: bank accounts are for ADMIN
	 * and FINANCE, setup and webhooks for ADMIN, as their endpoints are.
	 */
	private static Set<String> readable(@Nullable String recordTypes) {
		Set<String> wanted = list(recordTypes);
		List<String> unknown = wanted.stream().filter(t -> !FeedFilter.RECORD_TYPES.contains(t)).toList();
		if (!unknown.isEmpty()) {
			throw new Problems.ValidationFailed("recordType", "invalid.recordType", String.join(", ", unknown),
					String.join(", ", new java.util.TreeSet<>(FeedFilter.RECORD_TYPES)));
		}
		Set<String> hidden = Actor.hasAnyRole("ADMIN") ? Set.of()
				: Actor.hasAnyRole("FINANCE") ? Set.of("SETUP", "WEBHOOK") : Set.of("BANK_ACCOUNT", "SETUP", "WEBHOOK");
		for (String type : wanted) {
			if (hidden.contains(type)) {
				throw new Problems.Forbidden(Message.of("detail.feedForbidden", type));
			}
		}
		if (!wanted.isEmpty() || hidden.isEmpty()) {
			return wanted;
		}
		Set<String> visible = new LinkedHashSet<>(FeedFilter.RECORD_TYPES);
		visible.removeAll(hidden);
		return visible;
	}

	private static Set<String> list(@Nullable String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(commaSeparated.split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
