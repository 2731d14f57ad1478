-- Whether a row was last written by the running transaction: by itself, or inside one of
-- its savepoints still open (an import's row, a job's record done alone), whose rows carry
-- the savepoint's own transaction id in xmin, not the transaction's. A row's version moves
-- once per write (RowVersions): a record created in a row's savepoint and then given its
-- primary contact there is one write.
--
-- A transaction holds a lock on its id, and on each of its open savepoints' ids, until
-- they end: so the row is this transaction's if this session holds the lock on its xmin. A
-- savepoint's id comes after its transaction's: an xmin behind it (most rows: written by
-- transactions that ended before this one began) is another's, and the lock table is not
-- read for it.
CREATE FUNCTION written_in_this_transaction(row_xmin xid) RETURNS boolean
LANGUAGE sql VOLATILE AS $$
	SELECT CASE
		WHEN row_xmin = pg_current_xact_id()::xid THEN true
		WHEN ((row_xmin::text::bigint - pg_current_xact_id()::text::bigint) & 4294967295) >= 2147483648 THEN false
		ELSE EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'transactionid' AND transactionid = row_xmin
			AND pid = pg_backend_pid() AND granted)
	END
$$;
