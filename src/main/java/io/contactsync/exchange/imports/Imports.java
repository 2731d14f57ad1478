package io.contactsync.exchange.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.contactsync.job.Job;
import io.contactsync.job.Jobs;
import io.contactsync.numbering.NumberSeries;
import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of files (docs/import.md): the upload with its guessed column mapping, the
 * choices, the dry run, the run as a job and its undo as a job.
 */
@Service
class Imports {

	static final String IMPORT_JOB = "IMPORT";

	static final String UNDO_JOB = "UNDO_IMPORT";

	private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

	private final ImportStore store;

	private final Targets targets;

	private final RowTransactions rows;

	private final Jobs jobs;

	private final TransactionTemplate rehearsal;

	private final NumberSeries numbers;

	Imports(ImportStore store, Targets targets, RowTransactions rows, Jobs jobs,
			PlatformTransactionManager transactions, NumberSeries numbers) {
		this.numbers = numbers;
		this.store = store;
		this.targets = targets;
		this.rows = rows;
		this.jobs = jobs;
		this.rehearsal = new TransactionTemplate(transactions);
	}

	/** The choices a user changes; what is left out stays as it is. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ImportSettings")
	record Choices(@Nullable Map<String, @Nullable String> mapping, @Nullable String matchBy, @Nullable String mode,
			@Nullable Boolean blankClears, @Nullable String duplicates, @Nullable String externalSystem) {
	}

	/** An import, with what its run and undo have done so far. */
	record View(ImportStore.Stored stored, List<String> fields, @Nullable Job job, @Nullable Job undoJob,
			Map<String, Integer> counts) {

		String status() {
			if (undoJob != null) {
				return undoJob.isFinished() ? "UNDONE" : "UNDOING";
			}
			if (job == null) {
				return "NEW";
			}
			return switch (job.status()) {
				case "SUCCEEDED" -> "DONE";
				case "FAILED", "CANCELLED" -> job.status();
				default -> "RUNNING";
			};
		}

	}

	/**
	 * Reads an uploaded file into a new import, all or nothing, and guesses its columns'
	 * fields from the header.
	 */
	@Transactional
	public View upload(String kindName, @Nullable String fileName, @Nullable String contentType, InputStream file) {
		ImportKind kind = ImportKind.of(kindName);
		kind.requireWriter();
		ImportFormat format = ImportFormat.of(contentType, fileName);
		if (format == ImportFormat.VCARD && kind != ImportKind.CONTACT) {
			throw new Problems.ValidationFailed("kind", "invalid.importVcardContacts");
		}
		String name = fileName == null || fileName.isBlank() ? "import." + format.ending() : fileName.strip();
		name = name.length() > 255 ? name.substring(0, 255) : name;
		long id = store.insert(kind, name, format, Actor.current().user());
		Path temp = null;
		try {
			temp = Files.createTempFile("contactsync-import-", "." + format.ending());
			Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
			List<String> header = new ArrayList<>();
			// rows, and of them the cards that name a contact of ours
			int[] count = { 0, 0 };
			List<ImportStore.FileRow> batch = new ArrayList<>();
			SheetReader.read(format, temp, new SheetReader.Rows() {
				@Override
				public void header(List<String> columns) {
					header.addAll(columns);
				}

				@Override
				public void row(int rowNo, List<String> cells) {
					batch.add(new ImportStore.FileRow(rowNo, cells));
					count[0]++;
					count[1] += format == ImportFormat.VCARD && !cells.get(0).isBlank() ? 1 : 0;
					if (batch.size() == ImportStore.ROWS_PER_STATEMENT) {
						store.insertRows(id, batch);
						batch.clear();
					}
				}
			});
			store.insertRows(id, batch);
			store.describe(id, header, count[0]);
			List<String> fields = ImportFields.of(targets.table(kind), kind);
			Map<Integer, String> mapping = ImportFields.guess(header, fields);
			MatchBy matchBy = format == ImportFormat.VCARD ? vcardMatch(count[0], count[1]) : defaultMatch(mapping);
			store.save(new ImportSettings(id, kind, Actor.current().user(), mapping, matchBy,
					ImportSettings.Mode.UPSERT, false, ImportSettings.Duplicates.REPORT, null));
			return view(id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (temp != null) {
				temp.toFile().delete();
			}
		}
	}

	/**
	 * Cards that all name contacts of ours (an export of ours) are matched by number;
	 * cards from elsewhere by e-mail address, so that the same file imported again finds
	 * what it made.
	 */
	private static MatchBy vcardMatch(int cards, int ours) {
		return cards > 0 && ours == cards ? MatchBy.NUMBER : MatchBy.EMAIL;
	}

	private static MatchBy defaultMatch(Map<Integer, String> mapping) {
		for (MatchBy by : MatchBy.values()) {
			if (mapping.containsValue(by.field())) {
				return by;
			}
		}
		return MatchBy.NUMBER;
	}

	@Transactional(readOnly = true)
	public View get(long id) {
		ImportStore.Stored stored = store.get(id);
		stored.settings().kind().requireWriter();
		return view(id);
	}

	private View view(long id) {
		ImportStore.Stored stored = store.get(id);
		ImportKind kind = stored.settings().kind();
		return new View(stored, ImportFields.of(targets.table(kind), kind),
				stored.jobId() == null ? null : jobs.get(stored.jobId()),
				stored.undoJobId() == null ? null : jobs.get(stored.undoJobId()), store.counts(id));
	}

	/** Changes the choices of an import that has not run yet. */
	@Transactional
	public View choose(long id, Choices choices) {
		ImportStore.Stored stored = store.find(id, true)
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("IMPORT"), Long.toString(id)));
		ImportSettings current = stored.settings();
		current.kind().requireWriter();
		if (stored.jobId() != null) {
			throw new Problems.ValidationFailed("import", "invalid.importStarted");
		}
		List<String> fields = ImportFields.of(targets.table(current.kind()), current.kind());
		List<FieldError> errors = new ArrayList<>();
		Map<Integer, String> mapping = choices.mapping() == null ? current.mapping()
				: mapping(choices.mapping(), stored.columns().size(), fields, errors);
		MatchBy matchBy = choices.matchBy() == null ? current.matchBy()
				: oneOf(MatchBy.class, "matchBy", choices.matchBy(), current.matchBy(), errors);
		ImportSettings.Mode mode = choices.mode() == null ? current.mode()
				: oneOf(ImportSettings.Mode.class, "mode", choices.mode(), current.mode(), errors);
		ImportSettings.Duplicates duplicates = choices.duplicates() == null ? current.duplicates() : oneOf(
				ImportSettings.Duplicates.class, "duplicates", choices.duplicates(), current.duplicates(), errors);
		String system = choices.externalSystem() == null ? current.externalSystem() : choices.externalSystem().isBlank()
				? null : choices.externalSystem().strip().toLowerCase(java.util.Locale.ROOT);
		if (system != null && !SYSTEM.matcher(system).matches()) {
			errors.add(new FieldError("externalSystem", "invalid.sourceSystem"));
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		ImportSettings chosen = new ImportSettings(id, current.kind(), current.user(), mapping, matchBy, mode,
				choices.blankClears() == null ? current.blankClears() : choices.blankClears(), duplicates, system);
		store.save(chosen);
		return view(id);
	}

	private static Map<Integer, String> mapping(Map<String, @Nullable String> given, int columns, List<String> fields,
			List<FieldError> errors) {
		Map<Integer, String> mapping = new LinkedHashMap<>();
		Set<String> taken = new HashSet<>();
		// In column order, so that the later of two columns is the one at fault.
		Map<String, @Nullable String> ordered = new java.util.TreeMap<>(
				java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
		ordered.putAll(given);
		ordered.forEach((key, field) -> {
			int column;
			try {
				column = Integer.parseInt(key);
			}
			catch (NumberFormatException ex) {
				column = -1;
			}
			if (column < 0 || column >= columns) {
				errors.add(new FieldError("mapping." + key, "invalid.importColumn", columns - 1));
			}
			else if (field != null && !field.isBlank()) {
				if (!fields.contains(field)) {
					errors.add(new FieldError("mapping." + key, "invalid.oneOf", String.join(", ", fields)));
				}
				else if (!taken.add(field)) {
					errors.add(new FieldError("mapping." + key, "invalid.importFieldTwice", field));
				}
				else {
					mapping.put(column, field);
				}
			}
		});
		return mapping;
	}

	private static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value, E current,
			List<FieldError> errors) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		List<String> names = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			names.add(constant.name());
		}
		errors.add(new FieldError(field, "invalid.oneOf", String.join(", ", names)));
		return current;
	}

	/**
	 * What the rows from {@code fromRow} would do, {@code limit} of them, with nothing
	 * written: the rows are written as the run would write them, one after the other (a
	 * person sees the company an earlier row made), and all is rolled back.
	 */
	public List<Outcome> dryRun(long id, int fromRow, int limit) {
		ImportStore.Stored stored = store.get(id);
		ImportSettings settings = stored.settings();
		settings.kind().requireWriter();
		requireRunnable(settings);
		List<Outcome> outcomes = Actor.runAs(Actor.importing(Actor.current().user(), id),
				() -> rehearsal.execute(status -> {
					status.setRollbackOnly();
					// as the run does it: numbers in blocks
					return numbers.inBlocks(() -> {
						List<Outcome> done = new ArrayList<>();
						for (ImportStore.FileRow row : store.rows(id, fromRow - 1, limit)) {
							done.add(rows.apply(settings, row));
						}
						return done;
					});
				}));
		return outcomes == null ? List.of() : outcomes;
	}

	/**
	 * The number of the first row after {@code row}, if there is one: where a dry run
	 * goes on.
	 */
	public @Nullable Integer rowAfter(long id, int row) {
		List<ImportStore.FileRow> next = store.rows(id, row, 1);
		return next.isEmpty() ? null : next.get(0).rowNo();
	}

	/** Starts the import's run as a job, once. */
	@Transactional
	public Job run(long id) {
		ImportStore.Stored stored = store.find(id, true)
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("IMPORT"), Long.toString(id)));
		stored.settings().kind().requireWriter();
		if (stored.jobId() != null) {
			throw new Problems.ValidationFailed("import", "invalid.importStarted");
		}
		requireRunnable(stored.settings());
		Job job = jobs.submitWork(IMPORT_JOB, id);
		store.jobStarted(id, job.id(), false);
		return job;
	}

	/** Starts the undo of an import whose run has ended, once. */
	@Transactional
	public Job undo(long id) {
		ImportStore.Stored stored = store.find(id, true)
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("IMPORT"), Long.toString(id)));
		stored.settings().kind().requireWriter();
		if (stored.jobId() == null || !jobs.get(stored.jobId()).isFinished()) {
			throw new Problems.ValidationFailed("import", "invalid.importNotRun");
		}
		if (stored.undoJobId() != null) {
			throw new Problems.ValidationFailed("import", "invalid.importUndone");
		}
		Job job = jobs.submitWork(UNDO_JOB, id);
		store.jobStarted(id, job.id(), true);
		return job;
	}

	@Transactional(readOnly = true)
	public List<Outcome> outcomes(long id, @Nullable String action, int afterRow, int limit) {
		store.get(id).settings().kind().requireWriter();
		if (action != null
				&& java.util.Arrays.stream(Outcome.Action.values()).noneMatch(a -> a.name().equals(action))) {
			throw new Problems.ValidationFailed("action", "invalid.oneOf", "CREATE, UPDATE, UNCHANGED, SKIPPED, ERROR");
		}
		return store.outcomes(id, action, afterRow, limit);
	}

	/** A run needs the column of what rows are matched by, unless it only creates. */
	private static void requireRunnable(ImportSettings settings) {
		if (settings.mode() != ImportSettings.Mode.CREATE_ONLY && !settings.maps(settings.matchBy().field())) {
			throw new Problems.ValidationFailed("matchBy", "invalid.importMatchColumn", settings.matchBy().field());
		}
		if (settings.matchBy() == MatchBy.EXTERNAL_ID && settings.externalSystem() == null) {
			throw new Problems.ValidationFailed("externalSystem", "invalid.sourceSystem");
		}
		if (settings.mapping().isEmpty()) {
			throw new Problems.ValidationFailed("mapping", "invalid.importNothingMapped");
		}
	}

}
