package io.contactsync.job;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The page loop of another module's work ({@link JobWork}), as {@link JobRunner} runs its
 * own jobs: each page in a transaction that first locks the job's row (no other instance
 * runs it meanwhile) and commits the page's work with the job's progress and its last
 * item.
 */
final class WorkPages {

	private final JdbcClient jdbc;

	private final JobLeases leases;

	private final TransactionTemplate page;

	private final int pageSize;

	private final JobMetrics metrics;

	WorkPages(JdbcClient jdbc, JobLeases leases, PlatformTransactionManager transactions, int pageSize,
			JobMetrics metrics) {
		this.jdbc = jdbc;
		this.leases = leases;
		this.page = new TransactionTemplate(transactions);
		this.pageSize = pageSize;
		this.metrics = metrics;
	}

	/**
	 * Runs another module's work ({@link JobWork}) a page per transaction, resuming like
	 * the others after the last whole page.
	 */
	void run(long id, Map<String, Object> job, JobWork work, BooleanSupplier goesOn) {
		long subject = ((Number) job.get("subject_id")).longValue();
		if ("QUEUED".equals(job.get("status"))) {
			jdbc.sql("UPDATE job SET status = 'RUNNING', total = ?, started_at = now() WHERE id = ? AND owner = ?")
				.params(work.total(subject), id, leases.instance())
				.update();
		}
		Actor actor = new Actor((String) job.get("created_by"), ChangeOrigin.JOB);
		String last = (String) job.get("last_no");
		while (true) {
			String after = last;
			String done = Actor.runAs(actor, () -> page.execute(status -> {
				if (leases.lockForPage(id).orElseThrow(() -> new JobRunner.LeaseLost(id))) {
					return null;
				}
				Optional<JobWork.Done> did = work.page(subject, after, pageSize);
				if (did.isEmpty()) {
					return null;
				}
				JobWork.Done pageDone = did.get();
				for (Job.Error error : pageDone.errors()) {
					jdbc.sql("INSERT INTO job_error (job_id, no, message, said) VALUES (?, ?, ?, ?)"
							+ " ON CONFLICT DO NOTHING")
						.params(id, error.no(),
								error.message().length() > 500 ? error.message().substring(0, 500) : error.message(),
								JobErrorMessages.write(error.said()))
						.update();
				}
				jdbc.sql("UPDATE job SET processed = processed + ?, created = created + ?, skipped = skipped + ?,"
						+ " failed = failed + ?, duplicates = duplicates + ?, last_no = ? WHERE id = ?")
					.params(pageDone.processed(), pageDone.created(), pageDone.skipped(), pageDone.failed(),
							pageDone.duplicates(), pageDone.last(), id)
					.update();
				leases.renewInPage(id);
				metrics.rowsDoneOnCommit(work.type(), (int) pageDone.processed());
				return pageDone.last();
			}));
			if (done == null) {
				break;
			}
			if (!goesOn.getAsBoolean()) {
				return;
			}
			last = done;
		}
		leases.finish(id);
	}

}
