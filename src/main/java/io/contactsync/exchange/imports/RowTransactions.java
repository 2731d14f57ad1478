package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each row in a savepoint of its own inside the caller's transaction (the dry run's, or a
 * job's page): a row the rules refuse fails alone, with its reason, and nothing of it is
 * written; the rows before and after it go on. The numbers a row drew from a page's
 * blocks (docs/import.md, "Run") go back to them when it is rolled back.
 */
@Component
class RowTransactions {

	private final RowImport rows;

	private final TransactionTemplate savepoint;

	private final NumberSeries numbers;

	private final PageCreations creations;

	RowTransactions(RowImport rows, PlatformTransactionManager transactions, NumberSeries numbers,
			PageCreations creations) {
		this.rows = rows;
		this.numbers = numbers;
		this.creations = creations;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * The rows of a run's page in their order: runs of new records created together where
	 * that does what one at a time would ({@link PageCreations}), every other row alone.
	 */
	List<Outcome> applyPage(ImportSettings settings, List<ImportStore.FileRow> page) {
		if (!PageCreations.together(settings)) {
			return page.stream().map(row -> apply(settings, row)).toList();
		}
		List<Outcome> outcomes = new ArrayList<>(page.size());
		int next = 0;
		while (next < page.size()) {
			PageCreations.Run run = creations.createFrom(settings, page, next);
			if (run.outcomes() != null) {
				outcomes.addAll(run.outcomes());
			}
			else {
				page.subList(next, next + run.rows()).forEach(row -> outcomes.add(apply(settings, row)));
			}
			next += run.rows();
			if (next < page.size()) {
				ImportStore.FileRow row = page.get(next);
				RowImport.Decision decided = run.next();
				outcomes.add(decided == null ? apply(settings, row) : apply(settings, row, decided));
				next++;
			}
		}
		return outcomes;
	}

	/** A row decided already, on the data as it still is, done in its savepoint. */
	private Outcome apply(ImportSettings settings, ImportStore.FileRow row, RowImport.Decision decided) {
		if (decided instanceof RowImport.Decided skipped) {
			return skipped.outcome();
		}
		return inSavepoint(settings, row, () -> rows.apply(settings, decided));
	}

	Outcome apply(ImportSettings settings, ImportStore.FileRow row) {
		return inSavepoint(settings, row, () -> rows.apply(settings, row.rowNo(), row.cells()));
	}

	private Outcome inSavepoint(ImportSettings settings, ImportStore.FileRow row, Supplier<Outcome> work) {
		String name = RowImport.name(settings, row.cells());
		try {
			// A row rolled back gives its numbers back to the page's blocks.
			Outcome outcome = numbers.givingBackOnFailure(() -> savepoint.execute(status -> work.get()));
			if (outcome == null) {
				throw new IllegalStateException("A row answered nothing");
			}
			return outcome;
		}
		catch (RowImport.Skip skip) {
			return skip.outcome;
		}
		catch (ProblemException ex) {
			List<FieldError> errors = ex.errors().isEmpty() ? List.of(new FieldError("", ex.detail())) : ex.errors();
			return Outcome.error(row.rowNo(), name, ex.code(), errors);
		}
		catch (DataIntegrityViolationException ex) {
			// A rule the database keeps that no service check caught first: the row's
			// fault, not the server's.
			return Outcome.error(row.rowNo(), name, "VALIDATION_FAILED",
					List.of(new FieldError("", Message.of("invalid.importRefused"))));
		}
	}

}
