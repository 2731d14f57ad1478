package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.contactsync.job.Job;
import io.contactsync.job.JobWork;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The undo of an import, as a job (docs/import.md, "Undo"): each record the run created
 * is deleted, and each it changed gets back what it held before, through the same
 * services, but only where the record is still at the version the import left it at. A
 * record changed since is left, and so is one the rules keep (a customer an order names);
 * each is listed with why. Records go in the reverse order of the run, people before
 * their companies.
 */
@Component
class ImportUndo implements JobWork {

	private final JdbcClient jdbc;

	private final Targets targets;

	private final ImportStore store;

	private final TransactionTemplate savepoint;

	ImportUndo(JdbcClient jdbc, Targets targets, ImportStore store, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.store = store;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	private record Touched(long seq, ImportKind kind, String no, boolean created, JsonNode oldValues,
			long versionAfter) {
	}

	@Override
	public String type() {
		return Imports.UNDO_JOB;
	}

	@Override
	public long total(long subject) {
		return jdbc.sql("SELECT count(*) FROM import_record WHERE import_id = ?")
			.param(subject)
			.query(Long.class)
			.single();
	}

	@Override
	public Optional<Done> page(long subject, @Nullable String after, int size) {
		List<Touched> page = jdbc
			.sql("SELECT seq, record_type, no, created, old_values, version_after FROM import_record"
					+ " WHERE import_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?")
			.params(subject, after == null ? Long.MAX_VALUE : Long.parseLong(after), size)
			.query((rs, n) -> new Touched(rs.getLong(1), ImportKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getBoolean(4), ImportStore.JSON.readTree(rs.getString(5)), rs.getLong(6)))
			.list();
		if (page.isEmpty()) {
			return Optional.empty();
		}
		String user = store.get(subject).settings().user();
		long left = 0;
		List<Job.Error> errors = new ArrayList<>();
		for (Touched record : page) {
			Message why = Actor.runAs(Actor.importing(user, subject), () -> revert(record));
			jdbc.sql("UPDATE import_record SET undo = ?, undo_reason = CAST(? AS jsonb) WHERE seq = ?")
				.params(why == null ? "UNDONE" : "LEFT", why == null ? null : StoredMessages.write(why).toString(),
						record.seq())
				.update();
			if (why != null) {
				left++;
				errors.add(Job.Error.because(record.no(), why));
			}
		}
		String last = Long.toString(page.get(page.size() - 1).seq());
		return Optional.of(new Done(last, page.size(), 0, left, 0, 0, errors));
	}

	/**
	 * @return why the record was left as it is; null when it was reverted
	 */
	private @Nullable Message revert(Touched record) {
		try {
			savepoint.executeWithoutResult(status -> {
				ExpectedVersion expected = ExpectedVersion.of(record.versionAfter());
				if (record.created()) {
					targets.delete(record.kind(), record.no(), expected);
				}
				else if (!record.oldValues().isEmpty()) {
					targets.patch(record.kind(), record.no(), expected, (ObjectNode) record.oldValues());
				}
			});
			return null;
		}
		catch (Problems.VersionConflict ex) {
			return Message.of("import.undo.changed", Problems.kindName(record.kind().recordType()), record.no(),
					Long.toString(record.versionAfter()));
		}
		catch (Problems.NotFound ex) {
			return Message.of("import.undo.gone", Problems.kindName(record.kind().recordType()), record.no());
		}
		catch (ProblemException ex) {
			return ex.detail();
		}
	}

}
