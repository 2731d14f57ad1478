package io.contactsync.integration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.contactsync.contact.ContactMerging;
import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.platform.table.Row;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The keys other systems know records by (external_id): which record an external id
 * names, which ids a record has. A record's ids go with it when it is deleted.
 */
@Service
public class ExternalIds {

	/** The record types that can be coupled. */
	static final List<String> RECORD_TYPES = List.of("CONTACT", "CUSTOMER", "VENDOR", "BANK_ACCOUNT");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ExternalIds(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Holds the external id against other writers until the transaction ends, so that two
	 * requests with the same new id do not both create a record.
	 */
	public void lock(String recordType, String system, String externalId) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(recordType + "/" + system + "/" + externalId)
			.query()
			.listOfRows();
	}

	/** The number of the record an external id names. */
	public Optional<String> find(String recordType, String system, String externalId) {
		return jdbc.sql("SELECT no FROM external_id WHERE record_type = ? AND system = ? AND external_id = ?")
			.params(recordType, system, externalId)
			.query(String.class)
			.optional();
	}

	/** Couples a record with its id in a system: logged, and in the change feed. */
	public void couple(String recordType, String system, String externalId, String no, Actor by) {
		jdbc.sql("INSERT INTO external_id (record_type, system, external_id, no) VALUES (?, ?, ?, ?)")
			.params(recordType, system, externalId, no)
			.update();
		String field = "externalIds." + system;
		events.publishEvent(new ExternalIdAdded(new RecordChange(recordType, no, RecordChange.Kind.UPDATED,
				List.of(new FieldChange(field, null, externalId)), Map.of(field, externalId), by)));
	}

	/**
	 * {@link #couple} for many records of one type with their ids in one system, in one
	 * statement (an import's page).
	 * @param externalIds the id of each record, by record number
	 */
	public void coupleAll(String recordType, String system, Map<String, String> externalIds, Actor by) {
		if (externalIds.isEmpty()) {
			return;
		}
		jdbc.sql("INSERT INTO external_id (record_type, system, external_id, no)"
				+ " SELECT ?, ?, v.external_id, v.no FROM unnest(?, ?) AS v(no, external_id)")
			.params(recordType, system, externalIds.keySet().toArray(String[]::new),
					externalIds.values().toArray(String[]::new))
			.update();
		String field = "externalIds." + system;
		externalIds.forEach((no, externalId) -> events
			.publishEvent(new ExternalIdAdded(new RecordChange(recordType, no, RecordChange.Kind.UPDATED,
					List.of(new FieldChange(field, null, externalId)), Map.of(field, externalId), by))));
	}

	/** A record's ids in other systems, by system: what its card shows. */
	public Map<String, String> of(String recordType, String no) {
		return of(recordType, List.of(no)).getOrDefault(no, Map.of());
	}

	/** The ids of records of one type, by record number and then by system. */
	Map<String, Map<String, String>> of(String recordType, List<String> nos) {
		Map<String, Map<String, String>> found = new HashMap<>();
		if (nos.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT no, system, external_id FROM external_id WHERE record_type = :type AND no IN (:nos)")
			.param("type", recordType)
			.param("nos", nos)
			.query(rs -> {
				found.computeIfAbsent(rs.getString(1), no -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
			});
		return found;
	}

	/**
	 * A merged contact's ids in other systems go to the survivor, where it has none in
	 * that system yet, so that those systems' next write by their id reaches it instead
	 * of making the duplicate again (docs/merge.md, "Merged numbers"). What the survivor
	 * has already goes with the merged contact.
	 */
	@EventListener
	void on(ContactMerging merging) {
		if (merging.rehearsal()) {
			return;
		}
		for (Row merged : merging.merged()) {
			jdbc.sql("UPDATE external_id SET no = :survivor WHERE record_type = 'CONTACT' AND no = :merged"
					+ " AND system NOT IN (SELECT system FROM external_id WHERE record_type = 'CONTACT'"
					+ " AND no = :survivor)")
				.param("survivor", merging.survivorNo())
				.param("merged", merged.text("no"))
				.update();
		}
	}

	/** A deleted record's ids go with it: another record may be coupled with them. */
	@EventListener
	void on(RecordEvent event) {
		if (event.change().kind() == RecordChange.Kind.DELETED && RECORD_TYPES.contains(event.recordType())) {
			jdbc.sql("DELETE FROM external_id WHERE record_type = ? AND no = ?")
				.params(event.recordType(), event.no())
				.update();
		}
	}

}
