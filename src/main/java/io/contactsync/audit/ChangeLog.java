package io.contactsync.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.contactsync.platform.Actor;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the change log: who changed what, when, and through what. */
@Service
public class ChangeLog {

	static final List<String> RECORD_TYPES = List.of("CONTACT", "CUSTOMER", "VENDOR", "BANK_ACCOUNT",
			"CONTACT_BUSINESS_RELATION", "SALES_DOCUMENT", "PURCHASE_DOCUMENT", "SERVICE_ORDER", "INTERACTION", "SETUP",
			"USER", "API_TOKEN", "WEBHOOK");

	private final JdbcClient jdbc;

	ChangeLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Schema(name = "ChangeLogEntry")
	public record Entry(long id, Instant at, String user, String origin, String recordType, String no, String field,
			@Nullable String oldValue, @Nullable String newValue, @Nullable Long causedBy,
			@Nullable String sourceSystem, @Nullable Long importId) {
	}

	/**
	 * The change log, newest first: by the time a change was committed, and within one
	 * commit by number (docs/rules.md, "Change log"). Who may not read bank accounts does
	 * not read their changes either.
	 */
	@Transactional(readOnly = true)
	public Page<Entry> list(@Nullable String recordType, @Nullable String no, @Nullable Integer limit,
			@Nullable String cursor) {
		return list(recordType, no, null, limit, cursor);
	}

	/**
	 * {@link #list}, of one import's changes and what the sync carried from them when
	 * {@code importId} is given (docs/import.md, "Run").
	 */
	@Transactional(readOnly = true)
	public Page<Entry> list(@Nullable String recordType, @Nullable String no, @Nullable Long importId,
			@Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		List<String> where = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (recordType != null) {
			if (!RECORD_TYPES.contains(recordType)) {
				throw new Problems.ValidationFailed("recordType", "invalid.oneOf", String.join(", ", RECORD_TYPES));
			}
			where.add("record_type = ?");
			params.add(recordType);
		}
		if (no != null) {
			where.add("no = ?");
			params.add(no);
		}
		if (importId != null) {
			where.add("import_id = ?");
			params.add(importId);
		}
		if (!readsBankAccounts()) {
			where.add("record_type <> 'BANK_ACCOUNT'");
		}
		// Who has which roles and tokens is the administrators' business.
		if (!Actor.hasAnyRole("ADMIN")) {
			where.add("record_type NOT IN ('USER', 'API_TOKEN')");
		}
		String after = Page.decode(cursor);
		if (after != null) {
			// (at, id) of the last entry of the page before: entries are numbered when
			// a change is made but written when it commits, and bulk work numbers its
			// own, so numbers alone do not tell which came last.
			String[] key = after.split(":", 2);
			try {
				Instant at = Instant.EPOCH.plus(Long.parseLong(key[0]), ChronoUnit.MICROS);
				long id = Long.parseLong(key[1]);
				where.add("(at, id) < (?, ?)");
				params.add(Timestamp.from(at));
				params.add(id);
			}
			catch (RuntimeException ex) {
				throw new Problems.MalformedRequest("cursor", "invalid.cursor");
			}
		}
		String sql = "SELECT id, at, user_name, origin, record_type, no, field, old_value, new_value, caused_by,"
				+ " source_system, import_id FROM change_log"
				+ (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY at DESC, id DESC LIMIT "
				+ (size + 1);
		List<Entry> entries = jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					(Long) rs.getObject(10), rs.getString(11), (Long) rs.getObject(12)))
			.list();
		return Page.of(entries, size, entry -> ChronoUnit.MICROS.between(Instant.EPOCH, entry.at()) + ":" + entry.id());
	}

	private static boolean readsBankAccounts() {
		return Actor.hasAnyRole("ADMIN", "FINANCE");
	}

}
