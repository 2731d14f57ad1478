package io.contactsync.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RowArrays} on the database: what goes in as a value comes out as that value,
 * whatever characters it holds, each in its column's type, with the columns a row leaves
 * out NULL and a dropped column skipped.
 */
class RowArraysTest extends ApiTest {

	/** Every character the two levels of quoting treat specially, and then some. */
	private static final List<String> AWKWARD = List.of("", " ", "  padded  ", "\"", "\\", "\\\"", "\"\\", "a,b", "(x)",
			"{y}", "}{", "NULL", "null", "'quoted'", "line\nbreak\ttab\r", "Ærlig Østre Ålesund", "日本語 😀", "\\N",
			"),(\",\"", "\"(\\\"\\\\)\"");

	@Autowired
	RowArrays rowArrays;

	@Autowired
	JdbcClient jdbc;

	private final String table = "row_arrays_test_" + Long.toHexString(System.nanoTime());

	@BeforeEach
	void createTable() {
		jdbc.sql("CREATE TABLE " + table + " (id integer PRIMARY KEY, gone text, name text, amount numeric(12, 2),"
				+ " active boolean, at timestamptz, details jsonb, note varchar(20) DEFAULT 'default')")
			.update();
		jdbc.sql("ALTER TABLE " + table + " DROP COLUMN gone").update();
	}

	@AfterEach
	void dropTable() {
		jdbc.sql("DROP TABLE " + table).update();
	}

	@Test
	void everyValueComesBackAsItWent() {
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (int i = 0; i < AWKWARD.size(); i++) {
			Map<String, @Nullable Object> row = new HashMap<>();
			row.put("id", i);
			row.put("name", AWKWARD.get(i));
			rows.add(row);
		}
		insert(rows);

		List<@Nullable String> read = jdbc.sql("SELECT name FROM " + table + " ORDER BY id").query(String.class).list();
		assertThat(read).containsExactlyElementsOf(AWKWARD);
	}

	@Test
	void eachValueIsReadAsItsColumnsTypeAndAColumnARowLeavesOutIsNull() {
		Instant at = Instant.parse("2026-12-02T07:45:12.123456Z");
		Map<String, @Nullable Object> full = new HashMap<>();
		full.put("id", 1L);
		full.put("name", null);
		full.put("amount", new BigDecimal("1E+3"));
		full.put("active", true);
		full.put("at", at);
		full.put("details", "{\"said\": \"\\\"hei\\\", sa han\"}");
		full.put("note", "given");
		insert(List.of(full, Map.of("id", 2)));

		Map<String, Object> first = jdbc
			.sql("SELECT name IS NULL AS no_name, amount, active, at, details ->> 'said' AS said, note FROM " + table
					+ " WHERE id = 1")
			.query()
			.singleRow();
		assertThat(first).containsEntry("no_name", true)
			.containsEntry("amount", new BigDecimal("1000.00"))
			.containsEntry("active", true)
			.containsEntry("said", "\"hei\", sa han")
			.containsEntry("note", "given");
		assertThat(((java.sql.Timestamp) first.get("at")).toInstant()).isEqualTo(at);
		Map<String, Object> second = jdbc.sql("SELECT name, active, note FROM " + table + " WHERE id = 2")
			.query()
			.singleRow();
		assertThat(second.get("name")).isNull();
		assertThat(second.get("active")).isNull();
		assertThat(second.get("note")).isNull();
	}

	@Test
	void aValueItsColumnCannotTakeIsRefusedByTheServer() {
		assertThatThrownBy(() -> insert(List.of(Map.of("id", "one")))).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> insert(List.of(Map.of("id", 1, "note", "x".repeat(21)))))
			.isInstanceOf(DataAccessException.class);
		assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isZero();
	}

	@Test
	void aNameThatIsNoColumnIsRefusedBeforeAnythingIsSent() {
		assertThatThrownBy(() -> rowArrays.of(table, List.of(Map.of("id", 1, "gone", "x"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("gone");
	}

	@Test
	void noRowsInsertNothing() {
		insert(List.of());
		assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isZero();
	}

	private void insert(List<? extends Map<String, ? extends @Nullable Object>> rows) {
		jdbc.sql("INSERT INTO " + table + " (id, name, amount, active, at, details, note) SELECT id, name, amount,"
				+ " active, at, details, note FROM " + RowArrays.from(table, "rows"))
			.param("rows", rowArrays.of(table, rows))
			.update();
	}

}
