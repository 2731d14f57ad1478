package io.contactsync.audit;

import java.util.List;

import io.contactsync.platform.AuditedChange;
import io.contactsync.platform.FieldChange;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each change event to the change log in the transaction that made the change: a
 * change is never committed without its log entries, nor logged without being committed.
 */
@Component
class ChangeLogWriter {

	private final JdbcClient jdbc;

	ChangeLogWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(AuditedChange change) {
		List<FieldChange> fields = change.changes();
		for (FieldChange field : fields) {
			jdbc.sql("INSERT INTO change_log (user_name, origin, record_type, no, field, old_value, new_value)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(change.actor().user(), change.actor().origin().name(), change.recordType(), change.no(),
						field.field(), field.oldValue(), field.newValue())
				.update();
		}
	}

}
