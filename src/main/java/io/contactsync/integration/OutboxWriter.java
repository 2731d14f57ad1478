package io.contactsync.integration;

import java.util.ArrayList;
import java.util.List;

import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
		Pending pending = Pending.ofThisTransaction(this);
		if (pending == null) {
			write(List.of(event));
			sequencer.wake();
		}
		else {
			pending.events.add(event);
		}
	}

	/** A bulk write's events: one statement for them all, as for single ones. */
	@EventListener
	void on(RecordChange.Batch batch) {
		batch.entries().forEach(this::on);
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

	/** The events of one transaction, written just before it commits. */
	private static final class Pending implements TransactionSynchronization {

		private final OutboxWriter writer;

		private final List<RecordEvent> events = new ArrayList<>();

		private Pending(OutboxWriter writer) {
			this.writer = writer;
		}

		/**
		 * This transaction's events; null outside a transaction. A transaction started
		 * inside this one (suspending it) has pending events of its own.
		 */
		static @Nullable Pending ofThisTransaction(OutboxWriter writer) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				return null;
			}
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				if (synchronization instanceof Pending pending && pending.writer == writer) {
					return pending;
				}
			}
			Pending pending = new Pending(writer);
			TransactionSynchronizationManager.registerSynchronization(pending);
			return pending;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			writer.write(events);
		}

		@Override
		public void afterCommit() {
			if (!events.isEmpty()) {
				writer.sequencer.wake();
			}
		}

		@Override
		public int getOrder() {
			// Right after the change log, before other work at the commit: a refused
			// write rolls the whole change back.
			return Ordered.HIGHEST_PRECEDENCE + 1;
		}

	}

}
