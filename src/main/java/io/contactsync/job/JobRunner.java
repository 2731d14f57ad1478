package io.contactsync.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.contactsync.contact.DuplicateSearch;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.relation.Linking;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued jobs one at a time on a thread of their own, a page of records per
 * transaction. Each page commits its work together with the job's progress and the last
 * record done, so a job interrupted by a crash or a stop resumes after its last whole
 * page, and never creates a second contact for a record.
 * <p>
 * On many instances each job runs on the one that claimed it ({@link JobLeases}); a job
 * whose instance died is taken over by another once its lease ran out, found by a timer
 * that looks for work every few seconds. A graceful stop finishes the page in hand and
 * hands the job back.
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "contactsync-jobs");
		thread.setDaemon(true);
		return thread;
	});

	/** Renews the lease of the job in hand and looks for work nobody runs. */
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "contactsync-job-leases");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean drainQueued = new AtomicBoolean();

	private volatile boolean stopping;

	private volatile @Nullable Long current;

	private final JdbcClient jdbc;

	private final JobLeases leases;

	private final Duration pollInterval;

	private final Linking linking;

	private final DuplicateSearch duplicates;

	private final Map<LinkedRecordType, LinkedRecordService> records = new EnumMap<>(LinkedRecordType.class);

	private final TransactionTemplate page;

	private final TransactionTemplate perRecord;

	private final int pageSize;

	private final JobMetrics metrics;

	private final Map<String, JobWork> works = new HashMap<>();

	private final WorkPages workPages;

	JobRunner(JdbcClient jdbc, JobLeases leases, Linking linking, DuplicateSearch duplicates,
			List<LinkedRecordService> services, PlatformTransactionManager transactions, JobSettings settings,
			JobMetrics metrics, List<JobWork> works) {
		this.jdbc = jdbc;
		works.forEach(work -> this.works.put(work.type(), work));
		this.workPages = new WorkPages(jdbc, leases, transactions, settings.pageSize(), metrics);
		this.leases = leases;
		this.pollInterval = settings.pollInterval();
		this.metrics = metrics;
		this.linking = linking;
		this.duplicates = duplicates;
		services.forEach(service -> records.put(service.type(), service));
		this.page = new TransactionTemplate(transactions);
		this.perRecord = new TransactionTemplate(transactions);
		this.perRecord.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.pageSize = settings.pageSize();
	}

	/**
	 * Jobs that were queued, handed back or left by a dead instance go on now; from here
	 * on the timer renews leases and looks for work.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		long period = Math.max(100, Math.min(pollInterval.toMillis(), leases.lease().toMillis() / 3));
		timer.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
		wake();
	}

	void wake() {
		if (!stopping && !worker.isShutdown() && drainQueued.compareAndSet(false, true)) {
			worker.execute(this::drain);
		}
	}

	private void tick() {
		try {
			Long inHand = current;
			if (inHand != null) {
				leases.renew(inHand);
			}
			wake();
		}
		catch (RuntimeException ex) {
			// The database may be away for a while; the next tick tries again.
			log.debug("Could not renew the job lease or look for jobs", ex);
		}
	}

	/**
	 * Lets the page in hand finish and hands its job back; only a page that takes longer
	 * than the lease is cut short (its job is taken over once the lease ran out).
	 */
	@PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		timer.shutdownNow();
		worker.shutdown();
		if (!worker.awaitTermination(leases.lease().toMillis(), TimeUnit.MILLISECONDS)) {
			worker.shutdownNow();
			worker.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * Runs jobs until none is left to claim. While the database is away nothing is marked
	 * failed: the job keeps its last committed page, and the timer's next look, once the
	 * database is back, claims it again (its own jobs an instance may claim at once).
	 */
	private void drain() {
		drainQueued.set(false);
		try {
			Optional<Long> next;
			while (!stopping && !Thread.currentThread().isInterrupted() && (next = leases.claimNext()).isPresent()) {
				runClaimed(next.get());
			}
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException ex) {
			log.warn("Jobs wait for the database to come back: {}", ex.getMessage());
		}
	}

	private void runClaimed(long id) {
		current = id;
		try {
			run(id);
		}
		catch (LeaseLost ex) {
			log.warn("Job {} was taken over by another instance; this one stops running it", id);
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			log.error("Job {} failed", id, ex);
			leases.fail(id);
		}
		finally {
			current = null;
		}
	}

	/**
	 * Ends the page loop of a job: at a graceful stop the job is handed back after its
	 * last whole page.
	 * @return whether the job goes on
	 */
	private boolean goesOn(long id) {
		if (stopping) {
			leases.handBack(id);
			log.info("Job {} handed back after a whole page: the service stops", id);
			return false;
		}
		return true;
	}

	/** This instance no longer holds the job it is running. */
	static final class LeaseLost extends RuntimeException {

		LeaseLost(long id) {
			super("Job " + id + " is held by another instance");
		}

	}

	private void run(long id) {
		Map<String, Object> job = jdbc
			.sql("SELECT type, no_from, no_to, last_no, created_by, status, subject_id FROM job WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
		JobWork work = works.get((String) job.get("type"));
		if (work != null) {
			workPages.run(id, job, work, () -> goesOn(id));
			return;
		}
		if (Jobs.DUPLICATE_SEARCH_STRINGS.equals(job.get("type"))) {
			rebuildDuplicateSearchStrings(id, job);
			return;
		}
		LinkedRecordType type = Jobs.TYPES.get((String) job.get("type"));
		String table = records.get(type).table().table();
		String from = (String) job.get("no_from");
		String to = (String) job.get("no_to");
		if ("QUEUED".equals(job.get("status"))) {
			long total = jdbc.sql("SELECT count(*) FROM " + table + JobRange.where(from, to, null))
				.params(JobRange.params(from, to, null))
				.query(Long.class)
				.single();
			jdbc.sql("UPDATE job SET status = 'RUNNING', total = ?, started_at = now() WHERE id = ? AND owner = ?")
				.params(total, id, leases.instance())
				.update();
		}
		Actor actor = new Actor((String) job.get("created_by"), ChangeOrigin.JOB);
		String last = (String) job.get("last_no");
		while (true) {
			String after = last;
			Optional<String> next = Actor.runAs(actor,
					() -> page.execute(status -> runPage(id, type, table, from, to, after)));
			if (next == null || next.isEmpty()) {
				break;
			}
			if (!goesOn(id)) {
				return;
			}
			last = next.get();
		}
		leases.finish(id);
	}

	/**
	 * Rebuilds the search strings of every contact, a page per transaction, resuming like
	 * the others.
	 */
	private void rebuildDuplicateSearchStrings(long id, Map<String, Object> job) {
		if ("QUEUED".equals(job.get("status"))) {
			jdbc.sql("UPDATE job SET status = 'RUNNING', total = (SELECT count(*) FROM contact), started_at = now()"
					+ " WHERE id = ? AND owner = ?")
				.params(id, leases.instance())
				.update();
		}
		Actor actor = new Actor((String) job.get("created_by"), ChangeOrigin.JOB);
		String last = (String) job.get("last_no");
		while (true) {
			String after = last;
			String done = Actor.runAs(actor, () -> page.execute(status -> {
				if (leases.lockForPage(id).orElseThrow(() -> new LeaseLost(id))) {
					return null;
				}
				String lastOfPage = duplicates.rebuildPage(after, pageSize);
				if (lastOfPage != null) {
					leases.renewInPage(id);
					// The companies of the page whose cards list a duplicate, as the job
					// that makes contacts counts them: the job and the cards agree.
					long withDuplicates = duplicates.countWithDuplicates(
							jdbc.sql("SELECT no FROM contact WHERE no > ? AND no <= ? AND type = 'COMPANY' ORDER BY no")
								.params(after == null ? "" : after, lastOfPage)
								.query(String.class)
								.list());
					jdbc.sql("UPDATE job SET processed = (SELECT count(*) FROM contact WHERE no <= ?), last_no = ?,"
							+ " duplicates = duplicates + ? WHERE id = ?")
						.params(lastOfPage, lastOfPage, withDuplicates, id)
						.update();
				}
				return lastOfPage;
			}));
			if (done == null) {
				break;
			}
			if (!goesOn(id)) {
				return;
			}
			last = done;
		}
		leases.finish(id);
	}

	/**
	 * Does one page of a job in the caller's transaction.
	 * @return the last number done, or empty when there is nothing more to do
	 */
	private Optional<String> runPage(long id, LinkedRecordType type, String table, @Nullable String from,
			@Nullable String to, @Nullable String after) {
		// First in the page's transaction: the lock keeps every other instance off the
		// job until the page commits, whatever its lease says meanwhile.
		boolean cancelled = leases.lockForPage(id).orElseThrow(() -> new LeaseLost(id));
		if (cancelled) {
			return Optional.empty();
		}
		List<String> nos = jdbc
			.sql("SELECT no FROM " + table + JobRange.where(from, to, after) + " ORDER BY no LIMIT " + pageSize)
			.params(JobRange.params(from, to, after))
			.query(String.class)
			.list();
		if (nos.isEmpty()) {
			return Optional.empty();
		}
		List<String[]> errors = new ArrayList<>();
		long created;
		long duplicatesFound;
		try {
			List<String> made = perRecord.execute(status -> linking.createContactsIfMissing(type, nos));
			created = made.size();
			duplicatesFound = duplicates.countWithDuplicates(made);
		}
		catch (RuntimeException ex) {
			// A record the rules refuse spoils the bulk statements of its page: the page
			// is done again record by record, which says which record and why.
			long[] counts = recordByRecord(type, nos, errors);
			created = counts[0];
			duplicatesFound = counts[1];
		}
		long skipped = nos.size() - created - errors.size();
		for (String[] error : errors) {
			jdbc.sql("INSERT INTO job_error (job_id, no, message, said) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(id, error[0], error[1], error[2])
				.update();
		}
		String last = nos.get(nos.size() - 1);
		jdbc.sql("UPDATE job SET processed = processed + ?, created = created + ?, skipped = skipped + ?,"
				+ " failed = failed + ?, duplicates = duplicates + ?, last_no = ? WHERE id = ?")
			.params(nos.size(), created, skipped, errors.size(), duplicatesFound, last, id)
			.update();
		leases.renewInPage(id);
		metrics.rowsDoneOnCommit(type.name(), nos.size());
		return Optional.of(last);
	}

	/**
	 * The single-record path, each record in a savepoint of its own.
	 * @return how many contacts were made, and how many of them have duplicates
	 */
	private long[] recordByRecord(LinkedRecordType type, List<String> nos, List<String[]> errors) {
		long created = 0;
		long duplicatesFound = 0;
		for (String no : nos) {
			try {
				Optional<String> made = perRecord.execute(status -> linking.createContactIfMissing(type, no));
				if (made != null && made.isPresent()) {
					created++;
					if (!duplicates.of(made.get(), false).isEmpty()) {
						duplicatesFound++;
					}
				}
			}
			catch (RuntimeException ex) {
				errors.add(new String[] { no, message(ex), JobErrorMessages.write(ex) });
			}
		}
		return new long[] { created, duplicatesFound };
	}

	private static String message(RuntimeException ex) {
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return message.length() > 500 ? message.substring(0, 500) : message;
	}

}
