package io.contactsync.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.relation.Linking;
import io.contactsync.setup.LinkedRecordType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Submitting, reading and cancelling batch jobs; {@link JobRunner} runs them. */
@Service
public class Jobs {

	static final Map<String, LinkedRecordType> TYPES = Map.of("CREATE_CONTACTS_FROM_CUSTOMERS",
			LinkedRecordType.CUSTOMER, "CREATE_CONTACTS_FROM_VENDORS", LinkedRecordType.VENDOR,
			"CREATE_CONTACTS_FROM_BANK_ACCOUNTS", LinkedRecordType.BANK_ACCOUNT);

	/**
	 * Rebuilds the duplicate search strings of every company (docs/rules.md, "Duplicate
	 * search").
	 */
	static final String DUPLICATE_SEARCH_STRINGS = "GENERATE_DUPLICATE_SEARCH_STRINGS";

	private final JdbcClient jdbc;

	private final Linking linking;

	private final JobRunner runner;

	private final Set<String> works;

	Jobs(JdbcClient jdbc, Linking linking, JobRunner runner, List<JobWork> works) {
		this.jdbc = jdbc;
		this.linking = linking;
		this.runner = runner;
		this.works = works.stream().map(JobWork::type).collect(Collectors.toSet());
	}

	@Schema(name = "JobRequest")
	public record Request(@Nullable String type, Job.@Nullable Filter filter) {
	}

	/** Every type of job there is, in order. */
	public static List<String> types() {
		List<String> types = new ArrayList<>(TYPES.keySet());
		types.add(DUPLICATE_SEARCH_STRINGS);
		return types.stream().sorted().toList();
	}

	@Transactional
	public Job submit(Request request) {
		boolean rebuild = DUPLICATE_SEARCH_STRINGS.equals(request.type());
		if (request.type() == null || (!TYPES.containsKey(request.type()) && !rebuild)) {
			throw new Problems.ValidationFailed(
					List.of(new FieldError("type", "invalid.oneOf", String.join(", ", types()))));
		}
		String from = code(request.filter() == null ? null : request.filter().noFrom(), "filter.noFrom");
		String to = code(request.filter() == null ? null : request.filter().noTo(), "filter.noTo");
		if (from != null && to != null && from.compareTo(to) > 0) {
			throw new Problems.ValidationFailed("filter.noTo", "invalid.beforeNoFrom");
		}
		if (!rebuild) {
			linking.requireSyncFor(TYPES.get(request.type()));
		}
		long id = jdbc.sql("INSERT INTO job (type, no_from, no_to, created_by) VALUES (?, ?, ?, ?) RETURNING id")
			.params(request.type(), from, to, Actor.current().user())
			.query(Long.class)
			.single();
		wakeAfterCommit();
		return get(id);
	}

	/**
	 * Queues the work of another module ({@link JobWork}) on what it works on: an import
	 * and its undo are submitted by their module, never through {@link #submit}.
	 * @param subject the id of what the job works on
	 */
	@Transactional
	public Job submitWork(String type, long subject) {
		if (!works.contains(type)) {
			throw new IllegalArgumentException("No job work of type " + type);
		}
		long id = jdbc.sql("INSERT INTO job (type, subject_id, created_by) VALUES (?, ?, ?) RETURNING id")
			.params(type, subject, Actor.current().user())
			.query(Long.class)
			.single();
		wakeAfterCommit();
		return get(id);
	}

	private void wakeAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				runner.wake();
			}
		});
	}

	@Transactional(readOnly = true)
	public Job get(long id) {
		return jdbc.sql("SELECT * FROM job WHERE id = ?")
			.param(id)
			.query((rs, n) -> job(rs, errors(rs.getLong("id"))))
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("JOB"), Long.toString(id)));
	}

	@Transactional(readOnly = true)
	public Page<Job> list(@Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		String after = Page.decode(cursor);
		long before;
		try {
			before = after == null ? Long.MAX_VALUE : Long.parseLong(after);
		}
		catch (NumberFormatException ex) {
			throw new Problems.MalformedRequest("cursor", "invalid.cursor");
		}
		List<Job> jobs = jdbc.sql("SELECT * FROM job WHERE id < ? ORDER BY id DESC LIMIT ?")
			.params(before, size + 1)
			.query((rs, n) -> job(rs, List.of()))
			.list();
		return Page.of(jobs, size, job -> Long.toString(job.id()));
	}

	/**
	 * Asks a job to stop: a queued one stops at once, a running one after its current
	 * page.
	 */
	@Transactional
	public Job cancel(long id) {
		Job job = get(id);
		if (job.status().equals("QUEUED")) {
			jdbc.sql("UPDATE job SET status = 'CANCELLED', cancel_requested = true, finished_at = now() WHERE id = ?")
				.param(id)
				.update();
		}
		else if (job.status().equals("RUNNING")) {
			jdbc.sql("UPDATE job SET cancel_requested = true WHERE id = ?").param(id).update();
		}
		return get(id);
	}

	private List<Job.Error> errors(long id) {
		return jdbc.sql("SELECT no, message, said FROM job_error WHERE job_id = ? ORDER BY no LIMIT 1000")
			.param(id)
			.query((rs, n) -> new Job.Error(rs.getString(1), rs.getString(2), JobErrorMessages.read(rs.getString(3))))
			.list();
	}

	private static @Nullable String code(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > 20) {
			throw new Problems.ValidationFailed(field, "invalid.atMost", "20");
		}
		return value.toUpperCase(Locale.ROOT);
	}

	static Job job(ResultSet rs, List<Job.Error> errors) throws SQLException {
		String from = rs.getString("no_from");
		String to = rs.getString("no_to");
		return new Job(rs.getLong("id"), rs.getString("type"), rs.getString("status"),
				from == null && to == null ? null : new Job.Filter(from, to), rs.getLong("total"),
				rs.getLong("processed"), rs.getLong("created"), rs.getLong("skipped"), rs.getLong("failed"),
				rs.getLong("duplicates"), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), errors);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
