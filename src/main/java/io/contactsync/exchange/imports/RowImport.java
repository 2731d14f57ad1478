package io.contactsync.exchange.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.contactsync.contact.DuplicateSearch;
import io.contactsync.integration.ExternalIds;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Message;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Table;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * One row of an import, written through the record's service in the caller's transaction:
 * the dry run and the run do exactly the same, the dry run rolls it back
 * (docs/import.md). A row the rules refuse throws the service's problem, which the caller
 * turns into the row's error after rolling the row back; a row skipped after its write (a
 * duplicate company, when the import skips those) throws {@link Skip}.
 */
@Component
class RowImport {

	/** Fields every write moves, which tell nothing of what a row changes. */
	private static final Set<String> BOOKKEEPING = Set.of("version", "lastModifiedAt");

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final Targets targets;

	private final Matching matching;

	private final ExternalIds externalIds;

	private final DuplicateSearch duplicates;

	RowImport(Targets targets, Matching matching, ExternalIds externalIds, DuplicateSearch duplicates) {
		this.targets = targets;
		this.matching = matching;
		this.externalIds = externalIds;
		this.duplicates = duplicates;
	}

	/**
	 * A row given up after its write: the caller rolls the row back and keeps the
	 * outcome.
	 */
	static final class Skip extends RuntimeException {

		final Outcome outcome;

		Skip(Outcome outcome) {
			super(null, null, false, false);
			this.outcome = outcome;
		}

	}

	/** The row's name as a person reads it in the results: its name cell, if mapped. */
	static String name(ImportSettings settings, List<String> cells) {
		for (Map.Entry<Integer, String> column : settings.mapping().entrySet()) {
			if (column.getValue().equals("name") && column.getKey() < cells.size()) {
				return cells.get(column.getKey()).strip();
			}
		}
		return "";
	}

	/** What a row is to do, decided from its cells and the match before any write. */
	sealed interface Decision permits Decided, Update, Creation {

	}

	/** A row whose outcome is known without a write: it is skipped. */
	record Decided(Outcome outcome) implements Decision {
	}

	/** A row that changes the record it matched. */
	record Update(int rowNo, String name, String no, Map<String, JsonNode> given,
			Set<String> blank) implements Decision {
	}

	/**
	 * A row that creates a record.
	 *
	 * @param body the new record's request body
	 * @param externalId the id in the external system to couple it with, if matched so
	 */
	record Creation(int rowNo, String name, ObjectNode body, @Nullable String externalId) implements Decision {
	}

	Outcome apply(ImportSettings settings, int rowNo, List<String> cells) {
		return apply(settings, decide(settings, rowNo, cells));
	}

	/** Does what was decided for a row, on the data it was decided on. */
	Outcome apply(ImportSettings settings, Decision decision) {
		if (decision instanceof Creation creation) {
			return create(settings, creation);
		}
		if (decision instanceof Update update) {
			return update(settings, update.rowNo(), update.name(), update.no(), update.given(), update.blank());
		}
		return ((Decided) decision).outcome();
	}

	/**
	 * What a row is to do: reads its cells and finds its match, writing nothing. A cell
	 * or a match the rules refuse throws the problem.
	 */
	Decision decide(ImportSettings settings, int rowNo, List<String> cells) {
		ImportKind kind = settings.kind();
		Table table = targets.table(kind);
		String name = name(settings, cells);
		RowValues values = RowValues.read(table, settings.mapping(), cells);
		Map<String, JsonNode> given = new LinkedHashMap<>(values.given());
		JsonNode company = given.remove(ImportFields.COMPANY);
		if (company != null) {
			given.put("companyNo", JSON.stringNode(matching.company(company.asString())));
			given.putIfAbsent("type", JSON.stringNode("PERSON"));
		}
		JsonNode externalId = given.remove(ImportFields.EXTERNAL_ID);
		JsonNode key = settings.matchBy() == MatchBy.EXTERNAL_ID ? externalId : given.get(settings.matchBy().field());
		Optional<String> existing = key == null ? Optional.empty()
				: matching.find(kind, settings.matchBy(), key.asString(), settings.matchBy().field(), settings);
		if (existing.isPresent()) {
			if (!settings.mode().updates()) {
				return new Decided(Outcome.skipped(rowNo, existing.get(), name,
						Message.of("import.skip.exists", existing.get()), List.of()));
			}
			return new Update(rowNo, name, existing.get(), given, values.blank());
		}
		if (!settings.mode().creates()) {
			return new Decided(Outcome.skipped(rowNo, null, name, Message.of("import.skip.noMatch"), List.of()));
		}
		ObjectNode body = JSON.objectNode();
		if (kind == ImportKind.CONTACT && !given.containsKey("type")) {
			body.put("type", "COMPANY");
		}
		given.forEach(body::set);
		return new Creation(rowNo, name, body,
				settings.matchBy() == MatchBy.EXTERNAL_ID && externalId != null ? externalId.asString() : null);
	}

	private Outcome update(ImportSettings settings, int rowNo, String name, String no, Map<String, JsonNode> given,
			Set<String> blank) {
		ImportKind kind = settings.kind();
		ObjectNode before = targets.get(kind, no);
		ObjectNode patch = JSON.objectNode();
		given.forEach((field, value) -> {
			if (!field.equals("no") && !same(targets.table(kind), field, before.get(field), value)) {
				patch.set(field, value);
			}
		});
		if (settings.blankClears()) {
			for (String field : blank) {
				JsonNode current = before.get(field);
				boolean empty = current == null || current.isNull() || current.asString().isEmpty();
				if (!field.equals("no") && !field.equals(ImportFields.EXTERNAL_ID)
						&& !field.equals(ImportFields.COMPANY) && !empty) {
					patch.putNull(field);
				}
			}
		}
		if (patch.isEmpty()) {
			return unchanged(rowNo, no, name);
		}
		ObjectNode after = targets.patch(kind, no, ExpectedVersion.of(before.get("version").asLong()), patch);
		List<Outcome.Change> changes = new ArrayList<>();
		Map<String, @Nullable JsonNode> old = new LinkedHashMap<>();
		before.properties().forEach(field -> {
			JsonNode now = after.get(field.getKey());
			if (!BOOKKEEPING.contains(field.getKey()) && !field.getValue().equals(now)) {
				changes.add(new Outcome.Change(field.getKey(), field.getValue(), now));
				if (patch.has(field.getKey())) {
					old.put(field.getKey(), field.getValue());
				}
			}
		});
		if (changes.isEmpty()) {
			return unchanged(rowNo, no, name);
		}
		Outcome.Touched touched = new Outcome.Touched(kind.recordType(), no, false, old,
				targets.get(kind, no).get("version").asLong());
		return new Outcome(rowNo, Outcome.Action.UPDATE, no, name, changes, null, List.of(), List.of(),
				List.of(touched));
	}

	private Outcome create(ImportSettings settings, Creation creation) {
		ImportKind kind = settings.kind();
		ObjectNode created = targets.create(kind, creation.body());
		String no = created.get("no").asString();
		coupled(settings, creation, no);
		ObjectNode contact = null;
		if (kind != ImportKind.CONTACT && created.hasNonNull("contactNo")
				&& !created.get("contactNo").asString().isEmpty()) {
			contact = targets.get(ImportKind.CONTACT, created.get("contactNo").asString());
		}
		String companyNo = companyMade(kind, created, contact);
		List<String> alike = companyNo == null ? List.of()
				: duplicates.of(companyNo, false).stream().map(DuplicateSearch.Duplicate::duplicateContactNo).toList();
		if (!alike.isEmpty() && settings.duplicates() == ImportSettings.Duplicates.SKIP) {
			throw new Skip(Outcome.skipped(creation.rowNo(), null, creation.name(),
					Message.of("import.skip.duplicate", String.join(", ", alike)), alike));
		}
		return created(kind, creation, created, contact, alike);
	}

	/** Couples a new record with the row's id in the external system, if matched so. */
	private void coupled(ImportSettings settings, Creation creation, String no) {
		if (creation.externalId() != null) {
			externalIds.couple(settings.kind().recordType(), settings.externalSystem(), creation.externalId(), no,
					Actor.current());
		}
	}

	/**
	 * The company contact a creation made: the record itself when it is one, else the
	 * contact the sync made with the record if that is a company; null for none.
	 */
	static @Nullable String companyMade(ImportKind kind, ObjectNode created, @Nullable ObjectNode contact) {
		if (kind == ImportKind.CONTACT) {
			return "COMPANY".equals(created.get("type").asString()) ? created.get("no").asString() : null;
		}
		return contact != null && "COMPANY".equals(contact.get("type").asString()) ? contact.get("no").asString()
				: null;
	}

	/**
	 * The outcome of a creation, from the record as stored after its creation's listeners
	 * and the contact the sync made with it (the undo takes that away too).
	 */
	static Outcome created(ImportKind kind, Creation creation, ObjectNode stored, @Nullable ObjectNode contact,
			List<String> alike) {
		String no = stored.get("no").asString();
		List<Outcome.Touched> touched = new ArrayList<>();
		if (contact != null) {
			touched.add(new Outcome.Touched(ImportKind.CONTACT.recordType(), contact.get("no").asString(), true,
					Map.of(), contact.get("version").asLong()));
		}
		touched.add(new Outcome.Touched(kind.recordType(), no, true, Map.of(), stored.get("version").asLong()));
		List<Outcome.Change> changes = new ArrayList<>();
		creation.body()
			.properties()
			.forEach(field -> changes.add(new Outcome.Change(field.getKey(), null, stored.get(field.getKey()))));
		return new Outcome(creation.rowNo(), Outcome.Action.CREATE, no, creation.name(), changes, null, List.of(),
				alike, touched);
	}

	private static Outcome unchanged(int rowNo, String no, String name) {
		return new Outcome(rowNo, Outcome.Action.UNCHANGED, no, name, List.of(), null, List.of(), List.of(), List.of());
	}

	/**
	 * Whether a cell says what the record holds already: numbers by value, codes and
	 * choices ignoring case, e-mail addresses as a set.
	 */
	static boolean same(Table table, String field, @Nullable JsonNode current, JsonNode value) {
		if (current == null || current.isNull()) {
			return false;
		}
		if (current.isNumber() && value.isNumber()) {
			return current.decimalValue().compareTo(value.decimalValue()) == 0;
		}
		if (current.isBoolean() || value.isBoolean()) {
			return current.equals(value);
		}
		String now = current.asString();
		String cell = value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
		if (field.equals("email")) {
			return addresses(now).equals(addresses(cell));
		}
		boolean code = table.field(field).map(Field::isCode).orElse(false);
		return code ? now.equalsIgnoreCase(cell) : now.equals(cell);
	}

	private static Set<String> addresses(String emails) {
		return Arrays.stream(emails.split(";"))
			.map(email -> email.strip().toLowerCase(Locale.ROOT))
			.filter(email -> !email.isEmpty())
			.collect(Collectors.toSet());
	}

}
