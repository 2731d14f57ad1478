package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.List;

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
		List<Outcome> outcomes = new ArrayList<>(page.size());
		int next = 0;
		while (next < page.size()) {
			PageCreations.Run run = PageCreations.together(settings) ? creations.createFrom(settings, page, next)
					: new PageCreations.Run(0, null);
			if (run.outcomes() != null) {
				outcomes.addAll(run.outcomes());
			}
			else {
				for (int i = next; i < next + run.rows(); i++) {
					outcomes.add(apply(settings, page.get(i)));
				}
			}
			next += run.rows();
			if (next < page.size()) {
				outcomes.add(apply(settings, page.get(next)));
				next++;
			}
		}
		return outcomes;
	}

	Outcome apply(ImportSettings settings, ImportStore.FileRow row) {
		String name = RowImport.name(settings, row.cells());
		try {
			// A row rolled back gives its numbers back to the page's blocks.
			Outcome outcome = numbers
				.givingBackOnFailure(() -> savepoint.execute(status -> rows.apply(settings, row.rowNo(), row.cells())));
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
