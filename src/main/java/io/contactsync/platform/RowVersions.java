package io.contactsync.platform;

/**
 * How a row's {@code version} moves: once per transaction that writes it, however many
 * statements of that transaction change it. A user's change often reaches a record more
 * than once (its own field, then the name the sync carries back, then the primary
 * contact's name); clients see one write, so they see one new version.
 *
 * A row created or already updated in the running transaction carries that transaction's
 * id as its {@code xmin}, or within a savepoint the savepoint's own id (an import's row,
 * a job's record done alone); a row lock ({@code FOR UPDATE}) does not change it. So the
 * version goes up only where the row's {@code xmin} is neither this transaction's nor
 * that of a savepoint of it still open: the database function
 * {@code written_in_this_transaction} tells (migration V23_0_0). A savepoint released is
 * a step done: a later write of the same row in the same transaction (the next row of an
 * import that changes the record again) raises it once more, as a write of its own.
 */
public final class RowVersions {

	private RowVersions() {
	}

	/**
	 * The SQL expression for the version after an {@code UPDATE}, for the row called
	 * {@code alias} (a table name or its alias in the statement).
	 */
	public static String next(String alias) {
		return alias + ".version + CASE WHEN written_in_this_transaction(" + alias + ".xmin) THEN 0 ELSE 1 END";
	}

}
