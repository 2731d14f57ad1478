package io.contactsync.job;

import java.time.Duration;
import java.util.Optional;

import io.contactsync.platform.LeaseOwner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which instance runs which job (docs/operations.md, "Jobs on many instances"). A job row
 * names its owner and how long the owner holds it; an instance claims a job nobody holds,
 * or one whose lease ran out, with {@code FOR UPDATE SKIP LOCKED}, so two instances never
 * claim the same job. While a page of a job runs its row is locked, which keeps others
 * off even if the lease runs out meanwhile; each page's commit renews the lease, and so
 * does a timer between pages.
 */
@Component
class JobLeases {

	private final JdbcClient jdbc;

	private final Duration lease;

	/** This instance, as its leases name it. */
	private final String instance;

	@Autowired
	JobLeases(JdbcClient jdbc, JobSettings settings) {
		this(jdbc, settings.lease());
	}

	JobLeases(JdbcClient jdbc, Duration lease) {
		this.jdbc = jdbc;
		this.lease = lease;
		this.instance = LeaseOwner.newName();
	}

	String instance() {
		return instance;
	}

	Duration lease() {
		return lease;
	}

	/**
	 * Claims the next job to run: one already running first (it was handed back, its
	 * instance died, or this instance was cut off from the database while running it),
	 * then the oldest queued one. Called only between jobs, so a job this instance holds
	 * is not running here.
	 */
	Optional<Long> claimNext() {
		return jdbc.sql("""
				UPDATE job SET owner = :me, lease_until = now() + :lease * interval '1 millisecond'
				WHERE id = (SELECT id FROM job
					WHERE status IN ('RUNNING', 'QUEUED') AND (owner IS NULL OR owner = :me OR lease_until < now())
					ORDER BY status DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id""").param("me", instance).param("lease", lease.toMillis()).query(Long.class).optional();
	}

	/**
	 * In a page's transaction, before its work: locks the job's row and says whether this
	 * instance still holds it and whether it was cancelled.
	 * @return empty when another instance took the job over
	 */
	Optional<Boolean> lockForPage(long id) {
		return jdbc.sql("SELECT cancel_requested FROM job WHERE id = ? AND owner = ? FOR UPDATE")
			.params(id, instance)
			.query(Boolean.class)
			.optional();
	}

	/**
	 * At the end of a page's transaction: the lease runs on from the page's commit. The
	 * clock's time, not {@code now()}, which is when the transaction began: a page of a
	 * few seconds would otherwise leave its instance that much less of the lease, and
	 * another could take over a job whose instance lives.
	 */
	void renewInPage(long id) {
		jdbc.sql("UPDATE job SET lease_until = clock_timestamp() + ? * interval '1 millisecond'"
				+ " WHERE id = ? AND owner = ?")
			.params(lease.toMillis(), id, instance)
			.update();
	}

	/**
	 * Between pages: renews the lease unless a page holds the row (its commit renews it);
	 * never waits for that page.
	 */
	void renew(long id) {
		jdbc.sql("""
				UPDATE job SET lease_until = now() + :lease * interval '1 millisecond'
				WHERE id = (SELECT id FROM job WHERE id = :id AND owner = :me FOR UPDATE SKIP LOCKED)""")
			.param("lease", lease.toMillis())
			.param("id", id)
			.param("me", instance)
			.update();
	}

	/** At a graceful stop, after a whole page: any instance may go on with the job. */
	void handBack(long id) {
		jdbc.sql("UPDATE job SET owner = NULL, lease_until = NULL WHERE id = ? AND owner = ?")
			.params(id, instance)
			.update();
	}

	/** Ends a job this instance holds; a job taken over by another is left to it. */
	void finish(long id) {
		jdbc.sql("UPDATE job SET status = CASE WHEN cancel_requested THEN 'CANCELLED' ELSE 'SUCCEEDED' END,"
				+ " finished_at = now(), owner = NULL, lease_until = NULL"
				+ " WHERE id = ? AND status = 'RUNNING' AND owner = ?")
			.params(id, instance)
			.update();
	}

	void fail(long id) {
		jdbc.sql("UPDATE job SET status = 'FAILED', finished_at = now(), owner = NULL, lease_until = NULL"
				+ " WHERE id = ? AND owner = ?")
			.params(id, instance)
			.update();
	}

}
