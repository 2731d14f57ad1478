package io.contactsync.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeNumbers;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Records;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.ContactType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging duplicate contacts into one, and undoing it (docs/merge.md). The merge is one
 * transaction: the survivor takes the chosen values, the merged contacts' people move to
 * it, every module moves its references on {@link ContactMerging}, and the merged
 * contacts go, published as {@link ContactMerged}, their numbers kept. Everything it
 * changes names the merge as its cause.
 */
@Service
public class ContactMerges {

	/** How long a merge can be undone. */
	static final Duration UNDO_WINDOW = Duration.ofDays(30);

	private final Contacts contacts;

	private final Records records;

	private final MergeStore store;

	private final SearchStrings searchStrings;

	private final ApplicationEventPublisher events;

	private final ChangeNumbers numbers;

	private final MergeMarks marks;

	private final ContactRoles roles;

	ContactMerges(Contacts contacts, MergeStore store, SearchStrings searchStrings, ApplicationEventPublisher events,
			ChangeNumbers numbers, MergeMarks marks, ContactRoles roles) {
		this.roles = roles;
		this.contacts = contacts;
		this.records = contacts.records();
		this.store = store;
		this.searchStrings = searchStrings;
		this.events = events;
		this.numbers = numbers;
		this.marks = marks;
	}

	/**
	 * The merge as a client asks for it.
	 *
	 * @param contactNos the contacts to merge, the survivor among them
	 * @param survivorNo the one that stays
	 * @param fields by field, the contact whose value the survivor takes
	 * @param keepLinks by link type, the record whose link stays where the contacts are
	 * linked to different ones
	 * @param versions by contact, the version the client saw: a later one is 412
	 * @param mergeRecords the link types (CUSTOMER, VENDOR) whose other records are
	 * merged into the record {@code keepLinks} keeps, instead of only being unlinked
	 */
	@Schema(name = "MergeRequest")
	public record Request(@Nullable List<String> contactNos, @Nullable String survivorNo,
			@Nullable Map<String, String> fields, @Nullable Map<String, String> keepLinks,
			@Nullable Map<String, Long> versions, @Nullable List<String> mergeRecords) {

		/** A request that merges no linked records. */
		public Request(@Nullable List<String> contactNos, @Nullable String survivorNo,
				@Nullable Map<String, String> fields, @Nullable Map<String, String> keepLinks,
				@Nullable Map<String, Long> versions) {
			this(contactNos, survivorNo, fields, keepLinks, versions, null);
		}

	}

	/**
	 * One field: each contact's value, and the value and contact that survive.
	 */
	@Schema(name = "MergeField")
	public record FieldValues(String field, Map<String, @Nullable String> values, @Nullable String value, String from) {
	}

	/** What a merge would do: field by field, what moves, and what stands in the way. */
	@Schema(name = "MergePreview")
	public record Preview(String survivorNo, List<Version> contacts, List<FieldValues> fields,
			List<MergeLedger.Move> moves, List<MergeLedger.Conflict> conflicts) {
	}

	/** A contact of the merge and the version it was read at. */
	@Schema(name = "MergeContact")
	public record Version(String no, String type, String name, long version) {
	}

	/** A merge done: what can be undone, until when. */
	@Schema(name = "Merge")
	public record Done(long mergeId, String survivorNo, List<String> mergedNos, long survivorVersion, Instant undoUntil,
			List<MergeLedger.Move> moves) {
	}

	/** A merge undone: the contacts back, and what could not go back. */
	@Schema(name = "Unmerge")
	public record Undone(long mergeId, String survivorNo, List<String> restored,
			List<MergeLedger.NotRestored> notRestored) {
	}

	@Transactional(readOnly = true)
	public Preview preview(Request request) {
		requireMerger();
		List<Row> read = MergePlan.numbers(request).stream().map(contacts::get).toList();
		MergePlan plan = MergePlan.of(records.table(), request, read);
		MergeLedger ledger = rehearse(plan, new MergeLedger());
		return new Preview(plan.survivor().text("no"),
				read.stream().map(c -> new Version(c.text("no"), c.text("type"), c.text("name"), c.version())).toList(),
				plan.fields(), ledger.moves(), ledger.conflicts());
	}

	@Transactional
	public Done merge(Request request) {
		requireMerger();
		List<String> nos = MergePlan.numbers(request);
		MergePlan plan = MergePlan.of(records.table(), request, lockAll(nos));
		List<MergeLedger.Conflict> conflicts = rehearse(plan, MergeLedger.conflictsOnly()).conflicts();
		if (!conflicts.isEmpty()) {
			throw new MergeProblems.MergeConflict(
					Message.of("detail.mergeConflict", Integer.toString(conflicts.size())), conflicts);
		}
		Actor user = Actor.current();
		long cause = numbers.next();
		Actor by = new Actor(user.user(), user.origin(), cause, user.hops() + 1, user.sourceSystem());
		Row survivor = plan.survivor();
		Map<String, @Nullable String> survivorBefore = new LinkedHashMap<>();
		plan.changes().keySet().forEach(field -> survivorBefore.put(field, survivor.text(field)));
		contacts.change(survivor, new LinkedHashMap<>(plan.changes()), user, Set.of());
		Row after = records.get(survivor.text("no"));
		List<String> mergedNos = plan.merged().stream().map(c -> c.text("no")).toList();
		long id = store.insert(after.text("no"), mergedNos, user, cause, survivorBefore);
		MergeLedger ledger = new MergeLedger();
		Actor.runAs(by, () -> {
			movePeople(plan.merged(), after, by, ledger, false);
			marks.move(plan.merged(), after.text("no"), ledger, false);
			roles.move(plan.merged(), after.text("no"), ledger, false);
			events.publishEvent(
					new ContactMerging(after, plan.merged(), plan.keepLinks(), plan.mergeRecords(), false, ledger, by));
		});
		boolean first = true;
		for (Row merged : plan.merged()) {
			Row current = records.lock(merged.text("no"));
			store.tombstone(id, current, after.text("no"));
			events
				.publishEvent(new ContactDeleting(current.text("no"), current.text("type"), current.text("companyNo")));
			records.delete(current, user, ContactMerged::new,
					List.of(new FieldChange("mergedInto", null, after.text("no"))), first ? cause : null);
			first = false;
		}
		store.moves(id, ledger.moves());
		long version = records.get(after.text("no")).version();
		store.survivorVersion(id, version);
		return new Done(id, after.text("no"), mergedNos, version, Instant.now().plus(UNDO_WINDOW), ledger.moves());
	}

	/**
	 * Puts a merge back within {@link #UNDO_WINDOW}: the merged contacts as they were,
	 * and what was moved from them where nothing has changed it since; the rest is
	 * listed.
	 */
	@Transactional
	public Undone undo(long mergeId) {
		requireMerger();
		MergeStore.Merge merge = store.lock(mergeId)
			.orElseThrow(() -> new Problems.NotFound(Message.of("record.MERGE"), Long.toString(mergeId)));
		if (merge.undoneAt() != null) {
			throw new MergeProblems.MergeConflict(Message.of("detail.mergeUndone", Long.toString(mergeId)), List.of());
		}
		if (merge.mergedAt().plus(UNDO_WINDOW).isBefore(Instant.now())) {
			throw new MergeProblems.MergeConflict(
					Message.of("detail.mergeTooOld", Long.toString(mergeId), Long.toString(UNDO_WINDOW.toDays())),
					List.of());
		}
		Row survivor = contacts.find(merge.survivorNo())
			.map(found -> records.lock(found.text("no")))
			.orElseThrow(() -> new MergeProblems.MergeConflict(Message.of("detail.survivorGone", merge.survivorNo(),
					String.valueOf(contacts.mergedInto(merge.survivorNo()))), List.of()));
		Actor user = Actor.current();
		long cause = numbers.next();
		Actor by = new Actor(user.user(), user.origin(), cause, user.hops() + 1, user.sourceSystem());
		MergeLedger ledger = new MergeLedger();
		List<String> restored = new ArrayList<>();
		boolean first = true;
		for (MergeStore.Tombstone tombstone : store.takeTombstones(mergeId)) {
			Row back = records.restore(restorable(tombstone), tombstone.lastVersion() + 1, user, ContactUnmerged::new,
					first ? cause : null);
			searchStrings.index(back);
			restored.add(back.text("no"));
			first = false;
		}
		List<MergeLedger.Move> moves = store.moves(mergeId);
		boolean survivorBack = survivor.version() == merge.survivorVersion();
		if (survivorBack) {
			// Its one new version, before the links moving back show on it.
			records.raiseVersion(survivor.text("no"));
		}
		else if (!merge.survivorBefore().isEmpty()) {
			ledger.notRestored("SURVIVOR", survivor.text("no"), "CHANGED");
		}
		Actor.runAs(by, () -> {
			restorePeople(moves, by, ledger);
			marks.restore(moves, merge.survivorNo());
			roles.restore(moves, merge.survivorNo(), ledger);
			events.publishEvent(new ContactUnmerging(merge.survivorNo(), moves, ledger, by));
		});
		// Last, so that what it carries reaches only what stays the survivor's.
		if (survivorBack) {
			contacts.change(records.lock(survivor.text("no")), new LinkedHashMap<>(merge.survivorBefore()), user,
					Set.of());
		}
		store.undone(mergeId, user);
		return new Undone(mergeId, merge.survivorNo(), restored, ledger.notRestored());
	}

	/**
	 * The conflicts of a merge and, where the ledger lists them, what it would move,
	 * written nowhere.
	 */
	private MergeLedger rehearse(MergePlan plan, MergeLedger ledger) {
		if (ledger.listsMoves()) {
			movePeople(plan.merged(), plan.survivor(), Actor.current(), ledger, true);
			marks.move(plan.merged(), plan.survivor().text("no"), ledger, true);
			roles.move(plan.merged(), plan.survivor().text("no"), ledger, true);
		}
		events.publishEvent(new ContactMerging(plan.survivor(), plan.merged(), plan.keepLinks(), plan.mergeRecords(),
				true, ledger, Actor.current()));
		return ledger;
	}

	/**
	 * The people of merged companies join the survivor, and follow it where they held
	 * their old company's values (docs/rules.md, "Person inheritance").
	 */
	private void movePeople(List<Row> merged, Row survivor, Actor by, MergeLedger ledger, boolean rehearsal) {
		if (!ContactType.COMPANY.is(survivor.text("type"))) {
			return;
		}
		for (Row company : merged) {
			for (String personNo : contacts.peopleOf(company.text("no"))) {
				if (rehearsal) {
					ledger.moved(MergeLedger.PERSON, personNo, company.text("no"), null,
							Map.of("companyNo", company.text("no")));
					continue;
				}
				Row person = records.lock(personNo);
				Map<String, @Nullable Object> changes = new LinkedHashMap<>();
				changes.put("companyNo", survivor.text("no"));
				Row moved = contacts.change(person, changes, by, Set.of());
				Map<String, @Nullable String> before = new LinkedHashMap<>();
				for (Field field : records.table().fields()) {
					if (!field.isReadOnly() && !field.name().equals("lastModifiedAt")
							&& !Objects.equals(person.get(field.name()), moved.get(field.name()))) {
						before.put(field.name(), person.text(field.name()));
					}
				}
				ledger.moved(MergeLedger.PERSON, personNo, company.text("no"), moved.version(), before);
			}
		}
	}

	/** People back in their companies, where nothing has changed them since. */
	private void restorePeople(List<MergeLedger.Move> moves, Actor by, MergeLedger ledger) {
		for (MergeLedger.Move move : moves) {
			if (!move.kind().equals(MergeLedger.PERSON)) {
				continue;
			}
			Row person = records.find(move.key()).map(found -> records.lock(move.key())).orElse(null);
			if (person == null) {
				ledger.notRestored(MergeLedger.PERSON, move.key(), "GONE");
			}
			else if (!Objects.equals(person.version(), move.versionAfter())) {
				ledger.notRestored(MergeLedger.PERSON, move.key(), "CHANGED");
			}
			else {
				contacts.change(person, new LinkedHashMap<>(move.before()), by, Set.of());
			}
		}
	}

	/**
	 * A merged contact's values as they were; a person whose company has gone since
	 * (merged in turn) joins where that company went.
	 */
	private Map<String, @Nullable Object> restorable(MergeStore.Tombstone tombstone) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(tombstone.snapshot());
		String companyNo = tombstone.snapshot().get("companyNo");
		if (ContactType.PERSON.is(values.get("type")) && companyNo != null && contacts.find(companyNo).isEmpty()) {
			values.put("companyNo", contacts.mergedInto(companyNo));
		}
		return values;
	}

	/**
	 * The contacts locked in number order; one merged meanwhile (by a merge that got
	 * there first) is a conflict.
	 */
	private List<Row> lockAll(List<String> nos) {
		List<Row> locked = new ArrayList<>();
		for (String no : nos.stream().sorted().toList()) {
			try {
				locked.add(records.lock(no));
			}
			catch (Problems.NotFound ex) {
				String into = contacts.mergedInto(no);
				if (into != null) {
					throw new MergeProblems.MergeConflict(Message.of("detail.alreadyMerged", no, into), List.of());
				}
				throw ex;
			}
		}
		locked.sort(Comparator.comparingInt(row -> nos.indexOf(row.text("no"))));
		return locked;
	}

	private static void requireMerger() {
		if (!Actor.hasAnyRole("ADMIN", "SALES")) {
			throw new Problems.Forbidden(Message.of("detail.mergeForbidden"));
		}
	}

}
