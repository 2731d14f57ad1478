package io.contactsync.integration;

import java.util.List;

import io.contactsync.platform.BeforeCommit;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes every typed event to the outbox (change_event) in the transaction that made its
 * change: nothing of a rolled-back change is ever published, nothing committed is lost. A
 * transaction's events are written together, with one statement, just before it commits;
 * once it has, the sequencer is woken to give them their place in the feed.
 */
@Component
class OutboxWriter {

	private static final List<String> COLUMNS = List.of("type", "record_type", "no", "version", "origin", "user_name",
			"source_system", "caused_by", "schema", "changes");

	private final JdbcClient jdbc;

	private final Sequencer sequencer;

	OutboxWriter(JdbcClient jdbc, Sequencer sequencer) {
		this.jdbc = jdbc;
		this.sequencer = sequencer;
	}

	@EventListener
	void on(RecordEvent event) {
		take(List.of(event));
	}

	/** A bulk write's events: one statement for them all, as for single ones. */
	@EventListener
	void on(RecordChange.Batch batch) {
		take(batch.entries());
	}

	private void take(List<RecordEvent> events) {
		// Right after the change log, before other work at the commit: a refused write
		// rolls the whole change back.
		List<RecordEvent> pending = BeforeCommit.collect(this, Ordered.HIGHEST_PRECEDENCE + 1, this::write,
				sequencer::wake);
		if (pending == null) {
			write(events);
			sequencer.wake();
		}
		else {
			pending.addAll(events);
		}
	}

	private void write(List<RecordEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		ArrayNode rows = JsonNodeFactory.instance.arrayNode(events.size());
		for (RecordEvent event : events) {
			RecordChange change = event.change();
			ObjectNode row = rows.addObject();
			row.put("type", event.eventType());
			row.put("record_type", change.recordType());
			row.put("no", change.no());
			row.put("version", change.version());
			row.put("origin", change.actor().origin().name());
			row.put("user_name", change.actor().user());
			row.put("source_system", change.actor().sourceSystem());
			row.put("caused_by", change.actor().causedBy());
			row.put("schema", event.schemaVersion());
			ObjectNode changes = row.putObject("changes");
			for (FieldChange field : change.changes()) {
				ObjectNode values = changes.putObject(field.field());
				values.put("old", field.oldValue());
				values.put("new", field.newValue());
			}
		}
		String columns = String.join(", ", COLUMNS);
		jdbc.sql("INSERT INTO change_event (" + columns + ") SELECT " + columns
				+ " FROM jsonb_populate_recordset(NULL::change_event, CAST(? AS jsonb))")
			.param(rows.toString())
			.update();
	}

}
