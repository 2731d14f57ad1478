package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.contactsync.contact.DuplicateSearch;
import io.contactsync.integration.ExternalIds;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The new customers, vendors or bank accounts of a run of rows of an import's page,
 * created together (docs/import.md, "Run"): one statement per table for them all and
 * their contacts, where one at a time costs a dozen statements a row. What each row does
 * and says is exactly what it does alone ({@link RowImport}); the rows go one at a time
 * instead whenever together might differ:
 * <ul>
 * <li>a run of creations ends before a row that does anything else (an update, a skip, an
 * error), so that every row is decided on what the rows before it wrote (the rows are
 * decided outside the run's savepoint, which they write nothing in; the row ending a run
 * is decided again after it);</li>
 * <li>and before a row whose key could match one of the run's new records, which it would
 * find had they been written one at a time;</li>
 * <li>a run one of whose rows the rules refuse is rolled back and done one row at a time,
 * which says which row and why;</li>
 * <li>so is a run with a new company that has duplicates when the import skips
 * those.</li>
 * </ul>
 * One difference stays, in the change log only: together, the name a new record takes
 * from its primary contact is logged in the same change as the primary contact, with the
 * import's origin, as a batch job logs it; alone, as a change of its own that the sync
 * carried (origin SYNC). The records, their versions and the rows' outcomes are the same.
 * Contacts are imported one row at a time: a person row may name a company made by a row
 * before it.
 */
@Component
class PageCreations {

	private final RowImport rows;

	private final Targets targets;

	private final DuplicateSearch duplicates;

	private final ExternalIds externalIds;

	private final NumberSeries numbers;

	private final TransactionTemplate savepoint;

	PageCreations(RowImport rows, Targets targets, DuplicateSearch duplicates, ExternalIds externalIds,
			NumberSeries numbers, PlatformTransactionManager transactions) {
		this.rows = rows;
		this.targets = targets;
		this.duplicates = duplicates;
		this.externalIds = externalIds;
		this.numbers = numbers;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * What {@link #createFrom} did.
	 *
	 * @param rows how many rows from the first it created together, or tried to
	 * @param outcomes their outcomes; null when they are to be done one at a time
	 * @param next the decision of the row after them, if nothing was written since it was
	 * made (none were taken), so that it holds still; else null, to be decided anew
	 */
	record Run(int rows, @Nullable List<Outcome> outcomes, RowImport.@Nullable Decision next) {
	}

	/** Whether an import's rows may be created together at all. */
	static boolean together(ImportSettings settings) {
		return settings.kind() != ImportKind.CONTACT && settings.mode().creates();
	}

	/**
	 * Decides the rows from {@code from} on, which write nothing, and creates the records
	 * of those that start the rest with a run of creations, in a savepoint: all of them,
	 * or (rolled back) none.
	 */
	Run createFrom(ImportSettings settings, List<ImportStore.FileRow> page, int from) {
		List<RowImport.Creation> run = new ArrayList<>();
		RowImport.Decision next = decideRun(settings, page, from, run);
		if (run.isEmpty()) {
			return new Run(0, List.of(), next);
		}
		try {
			List<Outcome> outcomes = numbers
				.givingBackOnFailure(() -> savepoint.execute(status -> create(settings, run)));
			return new Run(run.size(), outcomes, null);
		}
		catch (ProblemException | DataIntegrityViolationException | OneAtATime ex) {
			// A row the rules refuse, or a new company with duplicates when the import
			// skips those: the savepoint took it all back, and each row says alone.
			return new Run(run.size(), null, null);
		}
	}

	/**
	 * Collects the rows from {@code from} on that create a record and may be created
	 * together.
	 * @return the decision of the row that ends them, if it holds once they are written
	 * (it is not a creation, and the run is empty); else null
	 */
	private RowImport.@Nullable Decision decideRun(ImportSettings settings, List<ImportStore.FileRow> page, int from,
			List<RowImport.Creation> run) {
		Set<String> keys = new HashSet<>();
		for (int i = from; i < page.size(); i++) {
			ImportStore.FileRow row = page.get(i);
			RowImport.Decision decision;
			try {
				decision = rows.decide(settings, row.rowNo(), row.cells());
			}
			catch (ProblemException ex) {
				// said again, with its reason, when the row is done alone
				return null;
			}
			if (!(decision instanceof RowImport.Creation creation)) {
				return run.isEmpty() ? decision : null;
			}
			Set<String> own = keys(settings.matchBy(), creation);
			if (own.stream().anyMatch(keys::contains)) {
				return null;
			}
			keys.addAll(own);
			run.add(creation);
		}
		return null;
	}

	private List<Outcome> create(ImportSettings settings, List<RowImport.Creation> run) {
		ImportKind kind = settings.kind();
		List<ObjectNode> stored = targets.createAll(kind, run.stream().map(RowImport.Creation::body).toList());
		Map<String, String> coupled = new LinkedHashMap<>();
		List<String> contactNos = new ArrayList<>();
		for (int i = 0; i < run.size(); i++) {
			String externalId = run.get(i).externalId();
			if (externalId != null) {
				coupled.put(stored.get(i).get("no").asString(), externalId);
			}
			JsonNode contactNo = stored.get(i).get("contactNo");
			if (contactNo != null && !contactNo.isNull() && !contactNo.asString().isEmpty()) {
				contactNos.add(contactNo.asString());
			}
		}
		externalIds.coupleAll(kind.recordType(), settings.externalSystem(), coupled, Actor.current());
		Map<String, ObjectNode> contacts = targets.contacts(contactNos);
		List<@Nullable ObjectNode> contactOfRow = new ArrayList<>(run.size());
		List<@Nullable String> companyOfRow = new ArrayList<>(run.size());
		Map<String, Integer> madeFor = new HashMap<>();
		for (int i = 0; i < run.size(); i++) {
			JsonNode contactNo = stored.get(i).get("contactNo");
			ObjectNode contact = contactNo == null || contactNo.isNull() ? null : contacts.get(contactNo.asString());
			String company = RowImport.companyMade(kind, stored.get(i), contact);
			contactOfRow.add(contact);
			companyOfRow.add(company);
			if (company != null) {
				madeFor.put(company, i);
			}
		}
		Map<String, List<String>> alikeOf = duplicates.duplicateNosOf(madeFor.keySet());
		List<Outcome> outcomes = new ArrayList<>(run.size());
		for (int i = 0; i < run.size(); i++) {
			String company = companyOfRow.get(i);
			int row = i;
			// Alone, a row finds the companies of the rows before it, not those after.
			List<String> alike = company == null ? List.of()
					: alikeOf.getOrDefault(company, List.of())
						.stream()
						.filter(other -> madeFor.getOrDefault(other, -1) < row)
						.toList();
			if (!alike.isEmpty() && settings.duplicates() == ImportSettings.Duplicates.SKIP) {
				throw new OneAtATime();
			}
			outcomes.add(RowImport.created(kind, run.get(i), stored.get(i), contactOfRow.get(i), alike));
		}
		return outcomes;
	}

	/**
	 * What of a new record a later row's key could match (docs/import.md, "Matching");
	 * generous, since a false alarm only ends the run.
	 */
	static Set<String> keys(MatchBy by, RowImport.Creation creation) {
		if (by == MatchBy.EXTERNAL_ID) {
			return Matching.comparedKeys(by, creation.externalId());
		}
		JsonNode value = creation.body().get(by.field());
		return value == null || value.isNull() ? Set.of()
				: Matching.comparedKeys(by, value.isNumber() ? value.decimalValue().toPlainString() : value.asString());
	}

	/** The run is to be done one row at a time after all. */
	private static final class OneAtATime extends RuntimeException {

		OneAtATime() {
			super(null, null, false, false);
		}

	}

}
