package io.contactsync.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.platform.Actor;
import io.contactsync.platform.RowArrays;
import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each merge did, kept so that it can be undone: the merge, the merged contacts as
 * they were (their numbers stay known), and every record it moved with its version after
 * the move and what it held before.
 */
@Component
class MergeStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, @Nullable String>> TEXTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final RowArrays rowArrays;

	MergeStore(JdbcClient jdbc, RowArrays rowArrays) {
		this.jdbc = jdbc;
		this.rowArrays = rowArrays;
	}

	/** A merge as kept. */
	record Merge(long id, String survivorNo, List<String> mergedNos, Instant mergedAt, long survivorVersion,
			Map<String, @Nullable String> survivorBefore, @Nullable Instant undoneAt) {
	}

	/** A merged contact: its last version and its values as they were. */
	record Tombstone(String no, long lastVersion, Map<String, @Nullable String> snapshot) {
	}

	long insert(String survivorNo, List<String> mergedNos, Actor by, long cause,
			Map<String, @Nullable String> survivorBefore) {
		return jdbc
			.sql("INSERT INTO contact_merge (survivor_no, merged_nos, merged_by, origin, entry_no, survivor_version,"
					+ " survivor_before) VALUES (?, ?, ?, ?, ?, 0, CAST(? AS jsonb)) RETURNING id")
			.params(survivorNo, mergedNos.toArray(String[]::new), by.user(), by.origin().name(), cause,
					JSON.writeValueAsString(survivorBefore))
			.query(Long.class)
			.single();
	}

	void survivorVersion(long id, long version) {
		jdbc.sql("UPDATE contact_merge SET survivor_version = ? WHERE id = ?").params(version, id).update();
	}

	/**
	 * Keeps a merged contact's number and values; the trigger then refuses the number.
	 */
	void tombstone(long id, Row contact, String survivorNo) {
		jdbc.sql("INSERT INTO merged_contact (no, merged_into, merge_id, last_version, snapshot)"
				+ " VALUES (?, ?, ?, ?, CAST(? AS jsonb))")
			.params(contact.text("no"), survivorNo, id, contact.version(), JSON.writeValueAsString(texts(contact)))
			.update();
	}

	/** What a merge moved, in one statement however many records it moved. */
	void moves(long id, List<MergeLedger.Move> moves) {
		if (moves.isEmpty()) {
			return;
		}
		List<String> columns = List.of("merge_id", "seq", "kind", "key", "from_no", "version_after", "before");
		List<Map<String, @Nullable Object>> rows = new ArrayList<>(moves.size());
		int seq = 0;
		for (MergeLedger.Move move : moves) {
			Map<String, @Nullable Object> row = new HashMap<>();
			row.put("merge_id", id);
			row.put("seq", (long) ++seq);
			row.put("kind", move.kind());
			row.put("key", move.key());
			row.put("from_no", move.from());
			row.put("version_after", move.versionAfter());
			row.put("before", JSON.writeValueAsString(move.before()));
			rows.add(row);
		}
		// "before" travels as JSON text and is read as its column's jsonb.
		jdbc.sql("INSERT INTO contact_merge_move (" + String.join(", ", columns) + ") SELECT "
				+ String.join(", ", columns) + " FROM " + RowArrays.from("contact_merge_move", "rows"))
			.param("rows", rowArrays.of("contact_merge_move", rows))
			.update();
	}

	/** The merge, locked against a second undo at the same time. */
	Optional<Merge> lock(long id) {
		return jdbc
			.sql("SELECT id, survivor_no, merged_nos, merged_at, survivor_version, survivor_before::text, undone_at"
					+ " FROM contact_merge WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, n) -> merge(rs))
			.optional();
	}

	Optional<Merge> find(long id) {
		return jdbc
			.sql("SELECT id, survivor_no, merged_nos, merged_at, survivor_version, survivor_before::text, undone_at"
					+ " FROM contact_merge WHERE id = ?")
			.param(id)
			.query((rs, n) -> merge(rs))
			.optional();
	}

	List<MergeLedger.Move> moves(long id) {
		return jdbc
			.sql("SELECT kind, key, from_no, version_after, before::text FROM contact_merge_move WHERE merge_id = ?"
					+ " ORDER BY seq")
			.param(id)
			.query((rs, n) -> new MergeLedger.Move(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4) == null ? null : rs.getLong(4), JSON.readValue(rs.getString(5), TEXTS)))
			.list();
	}

	/** The merged contacts of a merge, their marks removed so that they may come back. */
	List<Tombstone> takeTombstones(long id) {
		return jdbc.sql("DELETE FROM merged_contact WHERE merge_id = ? RETURNING no, last_version, snapshot::text")
			.param(id)
			.query((rs, n) -> new Tombstone(rs.getString(1), rs.getLong(2), JSON.readValue(rs.getString(3), TEXTS)))
			.list()
			.stream()
			.sorted(Comparator.comparing(Tombstone::no))
			.toList();
	}

	void undone(long id, Actor by) {
		jdbc.sql("UPDATE contact_merge SET undone_at = now(), undone_by = ? WHERE id = ?")
			.params(by.user(), id)
			.update();
	}

	/** A contact's values as text, as they are kept (every contact field is text). */
	static Map<String, @Nullable String> texts(Row contact) {
		Map<String, @Nullable String> texts = new LinkedHashMap<>();
		contact.values().forEach((field, value) -> {
			if (!field.equals("lastModifiedAt")) {
				texts.put(field, value == null ? null : value.toString());
			}
		});
		return texts;
	}

	private static Merge merge(ResultSet rs) throws SQLException {
		return new Merge(rs.getLong(1), rs.getString(2), Arrays.asList((String[]) rs.getArray(3).getArray()),
				rs.getTimestamp(4).toInstant(), rs.getLong(5), JSON.readValue(rs.getString(6), TEXTS),
				rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
	}

}
