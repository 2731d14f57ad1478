package io.contactsync.integration;

import java.io.StringWriter;
import java.util.List;

import io.contactsync.platform.BeforeCommit;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

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

	private static final JsonFactory JSON = new JsonFactory();

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
		// Written as a stream, not built as a tree first: a job's page writes thousands.
		StringWriter json = new StringWriter(events.size() * 256);
		try (JsonGenerator rows = JSON.createGenerator(json)) {
			rows.writeStartArray();
			for (RecordEvent event : events) {
				RecordChange change = event.change();
				rows.writeStartObject();
				rows.writeStringProperty("type", event.eventType());
				rows.writeStringProperty("record_type", change.recordType());
				rows.writeStringProperty("no", change.no());
				rows.writeName("version");
				if (change.version() == null) {
					rows.writeNull();
				}
				else {
					rows.writeNumber(change.version());
				}
				rows.writeStringProperty("origin", change.actor().origin().name());
				rows.writeStringProperty("user_name", change.actor().user());
				rows.writeStringProperty("source_system", change.actor().sourceSystem());
				rows.writeName("caused_by");
				if (change.actor().causedBy() == null) {
					rows.writeNull();
				}
				else {
					rows.writeNumber(change.actor().causedBy());
				}
				rows.writeNumberProperty("schema", event.schemaVersion());
				rows.writeObjectPropertyStart("changes");
				for (FieldChange field : change.changes()) {
					rows.writeObjectPropertyStart(field.field());
					rows.writeStringProperty("old", field.oldValue());
					rows.writeStringProperty("new", field.newValue());
					rows.writeEndObject();
				}
				rows.writeEndObject();
				rows.writeEndObject();
			}
			rows.writeEndArray();
		}
		String columns = String.join(", ", COLUMNS);
		jdbc.sql("INSERT INTO change_event (" + columns + ") SELECT " + columns
				+ " FROM jsonb_populate_recordset(NULL::change_event, CAST(? AS jsonb))")
			.param(json.toString())
			.update();
	}

}
