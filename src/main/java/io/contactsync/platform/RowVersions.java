package io.contactsync.platform;

/**
 * How a row's {@code version} moves: once per transaction that writes it, however many
 * statements of that transaction change it. A user's change often reaches a record more
 * than once (its own field, then the name the sync carries back, then the primary
 * contact's name); clients see one write, so they see one new version.
 *
 * A row created or already updated in the running transaction carries that transaction's
 * id as its {@code xmin}, or, written inside a savepoint (an import's row or run, a job's
 * record done alone), the savepoint's own id; a row lock ({@code FOR UPDATE}) does not
 * change it. So the version goes up only where the row's {@code xmin} is neither the
 * transaction's nor that of a savepoint of it still open
 * ({@link #writtenInThisTransaction}). A savepoint released is a step done: a later write
 * of the same row in the same transaction (the next row of an import that changes the
 * record again) raises it once more, as a write of its own.
 */
public final class RowVersions {

	private RowVersions() {
	}

	/**
	 * The SQL expression for the version after an {@code UPDATE}, for the row called
	 * {@code alias} (a table name or its alias in the statement).
	 */
	public static String next(String alias) {
		return alias + ".version + CASE WHEN " + writtenInThisTransaction(alias) + " THEN 0 ELSE 1 END";
	}

	/**
	 * The SQL condition that the row called {@code alias} was last written by the running
	 * transaction or a savepoint of it still open. A transaction holds a lock on its id
	 * and on each open savepoint's until they end, so this session holding the lock on
	 * the row's {@code xmin} tells. A savepoint's id comes after its transaction's: an
	 * {@code xmin} behind it (most rows: written by transactions that ended before this
	 * one began) is another's, and the lock table is read only for the others, once a
	 * statement.
	 */
	public static String writtenInThisTransaction(String alias) {
		String xmin = alias + ".xmin";
		return "(CASE WHEN " + xmin + " = pg_current_xact_id()::xid THEN true"
		// how far xmin lies ahead of the transaction's id, modulo 2^32: half the
		// range or more is behind it
				+ " WHEN ((" + xmin + "::text::bigint - pg_current_xact_id()::text::bigint) & 4294967295)"
				+ " >= 2147483648 THEN false ELSE coalesce(" + xmin + " = ANY (ARRAY(SELECT transactionid"
				+ " FROM pg_locks WHERE locktype = 'transactionid' AND pid = pg_backend_pid())), false) END)";
	}

}
