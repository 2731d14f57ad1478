package io.contactsync.job;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Work another module runs as a batch job, with the jobs' progress, cancel, leases and
 * resume after a crash: an import of a file and its undo (exchange). The job runner calls
 * {@link #page} in a transaction of its own that also records the job's progress and the
 * last item done, so the work resumes after its last whole page and does nothing twice.
 * The work names its own items (rows of a file); the runner only keeps the last one.
 */
public interface JobWork {

	/** The job type, as the job's {@code type} shows it. */
	String type();

	/** How many items the work has, counted as the job starts. */
	long total(long subject);

	/**
	 * Does the page after {@code after} (none: from the start) in the caller's
	 * transaction.
	 * @param subject what the job works on (the import's id)
	 * @return what the page did; empty when no item is left
	 */
	Optional<Done> page(long subject, @Nullable String after, int size);

	/**
	 * What one page did.
	 *
	 * @param last the last item done, where the next page goes on
	 * @param errors the items that failed, by item, in English (as job reports keep them)
	 */
	record Done(String last, long processed, long created, long skipped, long failed, long duplicates,
			List<Job.Error> errors) {
	}

}
