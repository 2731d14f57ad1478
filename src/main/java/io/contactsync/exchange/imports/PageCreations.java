package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.contactsync.contact.DuplicateSearch;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
 * error), so that every row is decided on what the rows before it wrote;</li>
 * <li>and before a row whose key could match one of the run's new records, which it would
 * find had they been written one at a time;</li>
 * <li>a run one of whose rows the rules refuse is rolled back and done one row at a time,
 * which says which row and why;</li>
 * <li>so is a run with a new company that has duplicates when the import skips
 * those.</li>
 * </ul>
 * Contacts are imported one row at a time: a person row may name a company made by a row
 * before it.
 */
@Component
class PageCreations {

	/**
	 * A Norwegian organisation number inside {@code NO … MVA}, as matching compares it.
	 */
	private static final Pattern NORWEGIAN_VAT = Pattern.compile("^(NO)?(\\d{9})(MVA)?$");

	private final RowImport rows;

	private final Targets targets;

	private final DuplicateSearch duplicates;

	private final NumberSeries numbers;

	private final TransactionTemplate savepoint;

	PageCreations(RowImport rows, Targets targets, DuplicateSearch duplicates, NumberSeries numbers,
			PlatformTransactionManager transactions) {
		this.rows = rows;
		this.targets = targets;
		this.duplicates = duplicates;
		this.numbers = numbers;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * What {@link #createFrom} did.
	 *
	 * @param rows how many rows from the first it took
	 * @param outcomes their outcomes; null when they are to be done one at a time
	 */
	record Run(int rows, @Nullable List<Outcome> outcomes) {
	}

	/** Whether an import's rows may be created together at all. */
	static boolean together(ImportSettings settings) {
		return settings.kind() != ImportKind.CONTACT && settings.mode().creates();
	}

	/**
	 * Creates the records of the run of creations that starts at {@code from}, in a
	 * savepoint: all of them, or (rolled back) none.
	 */
	Run createFrom(ImportSettings settings, List<ImportStore.FileRow> page, int from) {
		List<RowImport.Creation> run = new ArrayList<>();
		try {
			List<Outcome> outcomes = numbers.givingBackOnFailure(() -> savepoint.execute(status -> {
				decideRun(settings, page, from, run);
				return run.isEmpty() ? List.<Outcome>of() : create(settings, run);
			}));
			return new Run(run.size(), outcomes);
		}
		catch (RuntimeException ex) {
			// A row the rules refuse, or a case where together differs from one at a
			// time: the savepoint took it all back.
			return new Run(run.size(), null);
		}
	}

	/**
	 * The rows from {@code from} on that create a record and may be created together,
	 * decided before anything of them is written.
	 */
	private void decideRun(ImportSettings settings, List<ImportStore.FileRow> page, int from,
			List<RowImport.Creation> run) {
		Set<String> keys = new HashSet<>();
		for (int i = from; i < page.size(); i++) {
			ImportStore.FileRow row = page.get(i);
			RowImport.Decision decision;
			try {
				decision = rows.decide(settings, row.rowNo(), row.cells());
			}
			catch (ProblemException ex) {
				return;
			}
			if (!(decision instanceof RowImport.Creation creation)) {
				return;
			}
			Set<String> own = keys(settings.matchBy(), creation);
			if (own.stream().anyMatch(keys::contains)) {
				return;
			}
			keys.addAll(own);
			run.add(creation);
		}
	}

	private List<Outcome> create(ImportSettings settings, List<RowImport.Creation> run) {
		ImportKind kind = settings.kind();
		List<ObjectNode> stored = targets.createAll(kind, run.stream().map(RowImport.Creation::body).toList());
		List<String> contactNos = new ArrayList<>();
		for (int i = 0; i < run.size(); i++) {
			rows.coupled(settings, run.get(i), stored.get(i).get("no").asString());
			JsonNode contactNo = stored.get(i).get("contactNo");
			if (contactNo != null && !contactNo.isNull() && !contactNo.asString().isEmpty()) {
				contactNos.add(contactNo.asString());
			}
		}
		Map<String, ObjectNode> contacts = targets.contacts(contactNos);
		List<String> companies = new ArrayList<>();
		Map<String, Integer> madeFor = new HashMap<>();
		for (int i = 0; i < run.size(); i++) {
			String company = RowImport.companyMade(kind, stored.get(i), contactOf(stored.get(i), contacts));
			if (company != null) {
				companies.add(company);
				madeFor.put(company, i);
			}
		}
		Map<String, List<String>> alikeOf = duplicates.duplicateNosOf(companies);
		List<Outcome> outcomes = new ArrayList<>(run.size());
		for (int i = 0; i < run.size(); i++) {
			ObjectNode contact = contactOf(stored.get(i), contacts);
			String company = RowImport.companyMade(kind, stored.get(i), contact);
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
			outcomes.add(RowImport.created(kind, run.get(i), stored.get(i), contact, alike));
		}
		return outcomes;
	}

	private static @Nullable ObjectNode contactOf(ObjectNode record, Map<String, ObjectNode> contacts) {
		JsonNode contactNo = record.get("contactNo");
		return contactNo == null || contactNo.isNull() ? null : contacts.get(contactNo.asString());
	}

	/**
	 * What of a new record a later row's key could match (docs/import.md, "Matching"),
	 * compared as matching compares it; generous, since a false alarm only ends the run.
	 */
	static Set<String> keys(MatchBy by, RowImport.Creation creation) {
		Set<String> keys = new HashSet<>();
		switch (by) {
			case NUMBER -> text(creation.body(), "no").ifPresent(no -> keys.add(no.toUpperCase(Locale.ROOT)));
			case EXTERNAL_ID -> {
				if (creation.externalId() != null) {
					keys.add(creation.externalId());
				}
			}
			case VAT_REGISTRATION_NO -> text(creation.body(), "vatRegistrationNo").ifPresent(vat -> {
				String compared = vat.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
				Matcher norwegian = NORWEGIAN_VAT.matcher(compared);
				keys.add(norwegian.matches() ? norwegian.group(2) : compared);
			});
			case EMAIL -> text(creation.body(), "email").ifPresent(emails -> {
				for (String email : emails.split(";")) {
					String compared = email.strip().replace(" ", "").toLowerCase(Locale.ROOT);
					if (!compared.isEmpty()) {
						keys.add(compared);
					}
				}
			});
		}
		return keys;
	}

	private static java.util.Optional<String> text(ObjectNode body, String field) {
		JsonNode value = body.get(field);
		return value == null || value.isNull() ? java.util.Optional.empty()
				: java.util.Optional.of(value.isNumber() ? value.decimalValue().toPlainString() : value.asString());
	}

	/** The run is to be done one row at a time after all. */
	private static final class OneAtATime extends RuntimeException {

		OneAtATime() {
			super(null, null, false, false);
		}

	}

}
