package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tables of imports: the import and its choices, the file's rows and what each did,
 * and the records the run created or changed (with what they held before), which the undo
 * reverts.
 */
@Component
class ImportStore {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Rows written per statement as a file is read. */
	static final int ROWS_PER_STATEMENT = 500;

	private final JdbcClient jdbc;

	ImportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An import as stored. */
	record Stored(ImportSettings settings, String fileName, String format, List<String> columns, int rows,
			@Nullable Long jobId, @Nullable Long undoJobId) {
	}

	/** A row of the file. */
	record FileRow(int rowNo, List<String> cells) {
	}

	long insert(ImportKind kind, String fileName, ImportFormat format, String user) {
		return jdbc
			.sql("INSERT INTO import (kind, file_name, format, columns, mapping, match_by, mode, created_by)"
					+ " VALUES (?, ?, ?, '[]', '{}', 'NUMBER', 'UPSERT', ?) RETURNING id")
			.params(kind.name(), fileName, format.name(), user)
			.query(Long.class)
			.single();
	}

	void insertRows(long id, List<FileRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("INSERT INTO import_row (import_id, row_no, cells) VALUES ");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(?, ?, CAST(? AS jsonb))");
			params.add(id);
			params.add(rows.get(i).rowNo());
			params.add(JSON.writeValueAsString(rows.get(i).cells()));
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	void describe(long id, List<String> columns, int rows) {
		jdbc.sql("UPDATE import SET columns = CAST(? AS jsonb), row_count = ? WHERE id = ?")
			.params(JSON.writeValueAsString(columns), rows, id)
			.update();
	}

	void save(ImportSettings settings) {
		ObjectNode mapping = JsonNodeFactory.instance.objectNode();
		settings.mapping().forEach((column, field) -> mapping.put(Integer.toString(column), field));
		jdbc.sql("UPDATE import SET mapping = CAST(? AS jsonb), match_by = ?, mode = ?, blank_clears = ?,"
				+ " duplicates = ?, external_system = ? WHERE id = ?")
			.params(mapping.toString(), settings.matchBy().name(), settings.mode().name(), settings.blankClears(),
					settings.duplicates().name(), settings.externalSystem(), settings.id())
			.update();
	}

	Stored get(long id) {
		return find(id, false).orElseThrow(() -> new Problems.NotFound(Problems.kindName("IMPORT"), Long.toString(id)));
	}

	/** The import, its row locked when {@code lock}: its run and undo start once. */
	Optional<Stored> find(long id, boolean lock) {
		return jdbc.sql("SELECT * FROM import WHERE id = ?" + (lock ? " FOR UPDATE" : "")).param(id).query((rs, n) -> {
			Map<Integer, String> mapping = new LinkedHashMap<>();
			JSON.readTree(rs.getString("mapping"))
				.properties()
				.forEach(column -> mapping.put(Integer.parseInt(column.getKey()), column.getValue().asString()));
			List<String> columns = new ArrayList<>();
			JSON.readTree(rs.getString("columns")).forEach(column -> columns.add(column.asString()));
			ImportSettings settings = new ImportSettings(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")),
					rs.getString("created_by"), mapping, MatchBy.valueOf(rs.getString("match_by")),
					ImportSettings.Mode.valueOf(rs.getString("mode")), rs.getBoolean("blank_clears"),
					ImportSettings.Duplicates.valueOf(rs.getString("duplicates")), rs.getString("external_system"));
			return new Stored(settings, rs.getString("file_name"), rs.getString("format"), columns,
					rs.getInt("row_count"), (Long) rs.getObject("job_id"), (Long) rs.getObject("undo_job_id"));
		}).optional();
	}

	void jobStarted(long id, long jobId, boolean undo) {
		jdbc.sql("UPDATE import SET " + (undo ? "undo_job_id" : "job_id") + " = ? WHERE id = ?")
			.params(jobId, id)
			.update();
	}

	/** The rows after {@code afterRow}, in order. */
	List<FileRow> rows(long id, int afterRow, int limit) {
		return jdbc
			.sql("SELECT row_no, cells FROM import_row WHERE import_id = ? AND row_no > ? ORDER BY row_no LIMIT ?")
			.params(id, afterRow, limit)
			.query((rs, n) -> {
				List<String> cells = new ArrayList<>();
				JSON.readTree(rs.getString(2)).forEach(cell -> cells.add(cell.asString()));
				return new FileRow(rs.getInt(1), cells);
			})
			.list();
	}

	/**
	 * What the run did with a page's rows, and the records they touched, for the undo:
	 * two statements for the page, in the page's transaction. A record several rows
	 * reached keeps what it held before the first and the version after the last, in this
	 * page (merged here: one statement cannot reach a row twice) as across pages.
	 */
	void done(long id, List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		int size = outcomes.size();
		String[] actions = new String[size];
		String[] nos = new String[size];
		String[] kept = new String[size];
		Integer[] rowNos = new Integer[size];
		Map<List<String>, Reached> reached = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			Outcome outcome = outcomes.get(i);
			actions[i] = outcome.action().name();
			nos[i] = outcome.no();
			kept[i] = kept(outcome).toString();
			rowNos[i] = outcome.row();
			for (Outcome.Touched touched : outcome.touched()) {
				Reached earlier = reached.get(List.of(touched.recordType(), touched.no()));
				ObjectNode old = JsonNodeFactory.instance.objectNode();
				touched.oldValues()
					.forEach((field, value) -> old.set(field,
							value == null ? JsonNodeFactory.instance.nullNode() : value));
				if (earlier != null) {
					// what the earlier row found wins
					old.setAll(earlier.old());
				}
				reached.put(List.of(touched.recordType(), touched.no()),
						new Reached(touched, earlier == null ? touched.created() : earlier.created(), old));
			}
		}
		jdbc.sql("UPDATE import_row r SET action = v.action, no = v.no, outcome = CAST(v.outcome AS jsonb)"
				+ " FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int[]))"
				+ " AS v(action, no, outcome, row_no) WHERE r.import_id = ? AND r.row_no = v.row_no")
			.params(actions, nos, kept, rowNos, id)
			.update();
		if (reached.isEmpty()) {
			return;
		}
		List<Reached> records = new ArrayList<>(reached.values());
		jdbc.sql("INSERT INTO import_record (import_id, record_type, no, created, old_values, version_after)"
				+ " SELECT ?, v.record_type, v.no, v.created, CAST(v.old_values AS jsonb), v.version_after"
				+ " FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[]), CAST(? AS text[]),"
				+ " CAST(? AS bigint[])) WITH ORDINALITY AS v(record_type, no, created, old_values, version_after, n)"
				+ " ORDER BY v.n ON CONFLICT (import_id, record_type, no) DO UPDATE"
				+ " SET version_after = EXCLUDED.version_after,"
				+ " old_values = EXCLUDED.old_values || import_record.old_values")
			.params(id, records.stream().map(record -> record.touched().recordType()).toArray(String[]::new),
					records.stream().map(record -> record.touched().no()).toArray(String[]::new),
					records.stream().map(Reached::created).toArray(Boolean[]::new),
					records.stream().map(record -> record.old().toString()).toArray(String[]::new),
					records.stream().map(record -> record.touched().versionAfter()).toArray(Long[]::new))
			.update();
	}

	/** A record a page's rows reached: as the last reached it, created by the first? */
	private record Reached(Outcome.Touched touched, boolean created, ObjectNode old) {
	}

	/** An outcome as kept: its messages by code, said in the reader's language later. */
	private static ObjectNode kept(Outcome outcome) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("name", outcome.name());
		ArrayNode changes = node.putArray("changes");
		for (Outcome.Change change : outcome.changes()) {
			ObjectNode kept = changes.addObject();
			kept.put("field", change.field());
			kept.set("old", change.old());
			kept.set("value", change.value());
		}
		node.put("code", outcome.code());
		node.set("errors", StoredMessages.write(outcome.errors()));
		ArrayNode duplicates = node.putArray("duplicates");
		outcome.duplicates().forEach(duplicates::add);
		return node;
	}

	/** The rows the run did, from {@code afterRow}, of one action if given. */
	List<Outcome> outcomes(long id, @Nullable String action, int afterRow, int limit) {
		return jdbc
			.sql("SELECT row_no, action, no, outcome FROM import_row WHERE import_id = ? AND action IS NOT NULL"
					+ " AND row_no > ?" + (action == null ? "" : " AND action = ?") + " ORDER BY row_no LIMIT ?")
			.params(action == null ? List.of(id, afterRow, limit) : List.of(id, afterRow, action, limit))
			.query((rs, n) -> {
				JsonNode kept = JSON.readTree(rs.getString(4));
				List<Outcome.Change> changes = new ArrayList<>();
				kept.get("changes")
					.forEach(change -> changes.add(new Outcome.Change(change.get("field").asString(), change.get("old"),
							change.get("value"))));
				List<String> duplicates = new ArrayList<>();
				kept.get("duplicates").forEach(no -> duplicates.add(no.asString()));
				JsonNode code = kept.get("code");
				return new Outcome(rs.getInt(1), Outcome.Action.valueOf(rs.getString(2)), rs.getString(3),
						kept.get("name").asString(), changes, code == null || code.isNull() ? null : code.asString(),
						StoredMessages.errors(kept.get("errors")), duplicates, List.of());
			})
			.list();
	}

	/** How many rows the run did of each action. */
	Map<String, Integer> counts(long id) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Outcome.Action action : Outcome.Action.values()) {
			counts.put(action.name(), 0);
		}
		jdbc.sql("SELECT action, count(*) FROM import_row WHERE import_id = ? AND action IS NOT NULL GROUP BY action")
			.param(id)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}

}
