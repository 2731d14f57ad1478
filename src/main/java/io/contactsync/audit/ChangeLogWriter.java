package io.contactsync.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.AuditedBatch;
import io.contactsync.platform.AuditedChange;
import io.contactsync.platform.ChangeLogEntries;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.JsonRows;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each change event to the change log in the transaction that made the change: a
 * change is never committed without its log entries, nor logged without being committed.
 * It runs first among the event's listeners, so that the changes the sync carries can
 * name the entry that caused them.
 */
@Component
class ChangeLogWriter {

	private static final List<String> COLUMNS = List.of("user_name", "origin", "record_type", "no", "field",
			"old_value", "new_value", "caused_by");

	private final JdbcClient jdbc;

	ChangeLogWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AuditedChange change) {
		List<FieldChange> fields = change.changes();
		if (fields.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(
				"INSERT INTO change_log (user_name, origin, record_type, no, field, old_value, new_value, caused_by) VALUES ");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			FieldChange field = fields.get(i);
			sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
			params.add(change.actor().user());
			params.add(change.actor().origin().name());
			params.add(change.recordType());
			params.add(change.no());
			params.add(field.field());
			params.add(field.oldValue());
			params.add(field.newValue());
			params.add(change.actor().causedBy());
		}
		sql.append(" RETURNING id");
		List<Long> ids = jdbc.sql(sql.toString()).params(params).query(Long.class).list();
		ChangeLogEntries.written(ids.get(0));
	}

	/** The entries of a bulk write: one statement for them all. */
	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(AuditedBatch batch) {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (AuditedChange change : batch.entries()) {
			for (FieldChange field : change.changes()) {
				Map<String, @Nullable Object> row = new HashMap<>();
				row.put("user_name", change.actor().user());
				row.put("origin", change.actor().origin().name());
				row.put("record_type", change.recordType());
				row.put("no", change.no());
				row.put("field", field.field());
				row.put("old_value", field.oldValue());
				row.put("new_value", field.newValue());
				row.put("caused_by", change.actor().causedBy());
				rows.add(row);
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("INSERT INTO change_log (" + String.join(", ", COLUMNS) + ") SELECT " + String.join(", ", COLUMNS)
				+ " FROM jsonb_populate_recordset(NULL::change_log, CAST(:rows AS jsonb))")
			.param("rows", JsonRows.of(COLUMNS, rows))
			.update();
	}

}
