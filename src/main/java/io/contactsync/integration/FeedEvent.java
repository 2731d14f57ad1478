package io.contactsync.integration;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One committed event as it leaves the system.
 *
 * @param position its place in commit order: every later commit has a higher one
 * @param id its stable id ({@code evt_} and a number), the same in the feed, in every
 * webhook delivery and retry, and on Kafka: a receiver drops what it has already seen by
 * it
 * @param type the event type, such as {@code contact.changed}
 * @param recordType CONTACT, CUSTOMER, ...
 * @param no the record's key
 * @param sourceSystem the other system the write came from, if it said so
 * @param at when it was written, just before its commit
 * @param json the event as the change feed shows it, a JSON object (docs/events.md)
 */
public record FeedEvent(long position, String id, String type, String recordType, String no,
		@Nullable String sourceSystem, OffsetDateTime at, String json) {
}
