package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.contactsync.job.Job;
import io.contactsync.job.JobWork;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The run of an import, as a job (docs/import.md, "Run"): a page of rows per transaction,
 * each row, or each run of rows creating records together, in a savepoint of its own,
 * written by the user who started it with origin IMPORT and the import's id. What each
 * row did is kept with the row in the page's transaction (for the whole page at its end,
 * in two statements), so a run that resumes after a crash goes on after its last whole
 * page and does no row twice.
 */
@Component
class ImportRun implements JobWork {

	private final ImportStore store;

	private final RowTransactions rows;

	private final NumberSeries numbers;

	ImportRun(ImportStore store, RowTransactions rows, NumberSeries numbers) {
		this.store = store;
		this.rows = rows;
		this.numbers = numbers;
	}

	@Override
	public String type() {
		return Imports.IMPORT_JOB;
	}

	@Override
	public long total(long subject) {
		return store.get(subject).rows();
	}

	@Override
	public Optional<Done> page(long subject, @Nullable String after, int size) {
		ImportSettings settings = store.get(subject).settings();
		List<ImportStore.FileRow> page = store.rows(subject, after == null ? 0 : Integer.parseInt(after), size);
		if (page.isEmpty()) {
			return Optional.empty();
		}
		long created = 0;
		long skipped = 0;
		long duplicates = 0;
		List<Job.Error> errors = new ArrayList<>();
		// The rows' numbers drawn in blocks for the page, what is left given back at its
		// end.
		List<Outcome> outcomes = Actor.runAs(Actor.importing(Actor.current().user(), subject),
				() -> numbers.inBlocks(() -> rows.applyPage(settings, page)));
		for (Outcome outcome : outcomes) {
			int rowNo = outcome.row();
			switch (outcome.action()) {
				case CREATE -> created++;
				case SKIPPED -> skipped++;
				case ERROR -> errors.add(Job.Error.refused(Integer.toString(rowNo), outcome.errors()));
				default -> {
				}
			}
			duplicates += outcome.duplicates().isEmpty() ? 0 : 1;
		}
		store.done(subject, outcomes);
		String last = Integer.toString(page.get(page.size() - 1).rowNo());
		return Optional.of(new Done(last, page.size(), created, skipped, errors.size(), duplicates, errors));
	}

}
