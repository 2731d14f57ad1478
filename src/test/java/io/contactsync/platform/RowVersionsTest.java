package io.contactsync.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link RowVersions} moves a row's version, on the database: once per transaction
 * that writes the row, a savepoint still open counted as its transaction (an import's row
 * created and given its primary contact in its savepoint is one write), a savepoint
 * released as a step done.
 */
class RowVersionsTest extends ApiTest {

	@Autowired
	DataSource dataSource;

	@Test
	void aVersionMovesOncePerTransactionItsOpenSavepointsIncluded() throws SQLException {
		try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
			sql.execute("CREATE TEMPORARY TABLE versioned (no integer PRIMARY KEY, version integer NOT NULL)");
			sql.execute("INSERT INTO versioned VALUES (1, 1), (2, 1)");
			db.setAutoCommit(false);
			try {
				assertThat(writeAll(sql, "no = 2")).as("another transaction's row").containsExactly(1, 2);

				Savepoint row = db.setSavepoint();
				sql.execute("INSERT INTO versioned VALUES (3, 1)");
				assertThat(writeAll(sql, "true")).as("in a savepoint: this transaction's rows stay, others' move once")
					.containsExactly(2, 2, 1);
				Savepoint inner = db.setSavepoint();
				assertThat(writeAll(sql, "true")).as("a savepoint inside it: still one write").containsExactly(2, 2, 1);
				db.releaseSavepoint(inner);
				db.releaseSavepoint(row);
				assertThat(writeAll(sql, "true")).as("after the savepoints were released: a write of its own")
					.containsExactly(3, 3, 2);
				assertThat(writeAll(sql, "true")).as("and then one write again").containsExactly(3, 3, 2);

				Savepoint undone = db.setSavepoint();
				assertThat(writeAll(sql, "true")).containsExactly(3, 3, 2);
				db.rollback(undone);
				db.commit();
				assertThat(writeAll(sql, "true")).as("the next transaction").containsExactly(4, 4, 3);
				db.commit();
			}
			finally {
				db.rollback();
				db.setAutoCommit(true);
				sql.execute("DROP TABLE versioned");
			}
		}
	}

	private static List<Integer> writeAll(Statement sql, String where) throws SQLException {
		sql.execute("UPDATE versioned SET version = " + RowVersions.next("versioned") + " WHERE " + where);
		List<Integer> versions = new ArrayList<>();
		try (var rows = sql.executeQuery("SELECT version FROM versioned ORDER BY no")) {
			while (rows.next()) {
				versions.add(rows.getInt(1));
			}
		}
		return versions;
	}

}
