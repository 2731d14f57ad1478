package io.contactsync.integration;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.BeforeCommit;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.RowArrays;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import org.jspecify.annotations.Nullable;

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

	private final RowArrays rowArrays;

	OutboxWriter(JdbcClient jdbc, Sequencer sequencer, RowArrays rowArrays) {
		this.jdbc = jdbc;
		this.sequencer = sequencer;
		this.rowArrays = rowArrays;
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
		List<Map<String, @Nullable Object>> rows = new ArrayList<>(events.size());
		for (RecordEvent event : events) {
			RecordChange change = event.change();
			Map<String, @Nullable Object> row = new HashMap<>();
			row.put("type", event.eventType());
			row.put("record_type", change.recordType());
			row.put("no", change.no());
			row.put("version", change.version());
			row.put("origin", change.actor().origin().name());
			row.put("user_name", change.actor().user());
			row.put("source_system", change.actor().sourceSystem());
			row.put("caused_by", change.actor().causedBy());
			row.put("schema", event.schemaVersion());
			row.put("changes", changes(change));
			rows.add(row);
		}
		String columns = String.join(", ", COLUMNS);
		jdbc.sql("INSERT INTO change_event (" + columns + ") SELECT " + columns + " FROM "
				+ RowArrays.from("change_event", "rows"))
			.param("rows", rowArrays.of("change_event", rows))
			.update();
	}

	/** The fields a change changed, as the JSON object the event carries. */
	private static String changes(RecordChange change) {
		StringWriter json = new StringWriter(change.changes().size() * 48 + 2);
		try (JsonGenerator fields = JSON.createGenerator(json)) {
			fields.writeStartObject();
			for (FieldChange field : change.changes()) {
				fields.writeObjectPropertyStart(field.field());
				fields.writeStringProperty("old", field.oldValue());
				fields.writeStringProperty("new", field.newValue());
				fields.writeEndObject();
			}
			fields.writeEndObject();
		}
		return json.toString();
	}

}
