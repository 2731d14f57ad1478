package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * What still refers to a row the database refused to delete: a few rows of each table
 * whose foreign key names it, read from the catalogue, so that "in use" can say by what
 * (salesperson KH: customer K00010, customer template BEDRIFT).
 */
final class References {

	/**
	 * Deletes a row; where a foreign key refuses, the refusal names what uses the row. A
	 * savepoint lets the transaction still ask that after the refusal.
	 */
	static void deleteOrRefuse(JdbcClient jdbc, Table table, List<String> key) {
		TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
		Object savepoint = transaction.createSavepoint();
		try {
			jdbc.sql("DELETE FROM " + table.table() + TableSql.whereKey(table))
				.params(TableSql.keyParams(table, key))
				.update();
			transaction.releaseSavepoint(savepoint);
		}
		catch (DataIntegrityViolationException ex) {
			transaction.rollbackToSavepoint(savepoint);
			throw refusal(jdbc, table, key);
		}
	}

	/** The refusal of a delete that a foreign key stopped, naming what uses the row. */
	private static Problems.InUse refusal(JdbcClient jdbc, Table table, List<String> key) {
		Problems.Use what = new Problems.Use(
				table.recordType().equals("SETUP") ? table.table().toUpperCase(Locale.ROOT) : table.recordType(),
				String.join("/", key));
		List<Problems.Use> usedBy = to(jdbc, table, key);
		if (usedBy.isEmpty()) {
			return new Problems.InUse(Message.of("detail.stillUsed", table.named(), String.join("/", key)));
		}
		return new Problems.InUse(what, usedBy);
	}

	/** Rows named per referring table: enough to act on, not a report. */
	private static final int PER_TABLE = 3;

	private References() {
	}

	/** The refusal of a delete the database refused: IN_USE, naming what uses the row. */
	static Problems.InUse inUse(JdbcClient jdbc, Table table, List<String> key) {
		List<Problems.Use> usedBy = to(jdbc, table, key);
		if (usedBy.isEmpty()) {
			return new Problems.InUse(Message.of("detail.stillUsed", table.named(), String.join("/", key)));
		}
		String kind = table.recordType().equals("SETUP") ? table.table().toUpperCase(Locale.ROOT) : table.recordType();
		return new Problems.InUse(new Problems.Use(kind, String.join("/", key)), usedBy);
	}

	static List<Problems.Use> to(JdbcClient jdbc, Table table, List<String> key) {
		if (table.keys().size() != 1 || key.size() != 1) {
			return List.of();
		}
		// Single-column foreign keys on this table, with the primary key of the table
		// they are on.
		List<Map<String, Object>> referring = jdbc.sql("""
				SELECT c.conrelid::regclass::text AS referring, a.attname AS column_name,
					(SELECT string_agg(pa.attname, ',' ORDER BY k.n)
						FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, n), pg_attribute pa
						WHERE i.indrelid = c.conrelid AND i.indisprimary
							AND pa.attrelid = c.conrelid AND pa.attnum = k.attnum) AS primary_key
				FROM pg_constraint c
				JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
				WHERE c.contype = 'f' AND c.confrelid = to_regclass(?) AND cardinality(c.conkey) = 1
				ORDER BY 1, 2""").param(table.table()).query().listOfRows();
		List<Problems.Use> uses = new ArrayList<>();
		for (Map<String, Object> reference : referring) {
			String referringTable = (String) reference.get("referring");
			String primaryKey = (String) reference.get("primary_key");
			if (primaryKey == null || !referringTable.matches("[a-z_]+")) {
				continue;
			}
			List<String> keyColumns = List.of(primaryKey.split(","));
			boolean singleton = keyColumns.equals(List.of("singleton"));
			// A document is known by its kind and number: SALES_ORDER SO000002.
			boolean kinded = keyColumns.size() > 1 && keyColumns.get(0).equals("kind");
			String shown = singleton ? "''" : "concat_ws(' ', " + String.join(", ", keyColumns) + ")";
			List<String> rows = jdbc
				.sql("SELECT " + shown + " FROM " + referringTable + " WHERE " + reference.get("column_name")
						+ " = ? ORDER BY 1 LIMIT " + PER_TABLE)
				.param(key.get(0))
				.query(String.class)
				.list();
			for (String row : rows) {
				if (kinded) {
					String[] parts = row.split(" ", 2);
					uses.add(new Problems.Use(parts[0], parts.length > 1 ? parts[1] : ""));
				}
				else {
					uses.add(new Problems.Use(referringTable.toUpperCase(Locale.ROOT), row));
				}
			}
		}
		return uses;
	}

}
