package io.contactsync.relation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.contactsync.platform.Message;
import io.contactsync.bankaccount.BankAccountChanged;
import io.contactsync.contact.ContactChanged;
import io.contactsync.contact.Contacts;
import io.contactsync.customer.CustomerChanged;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.Row;
import io.contactsync.purchasing.VendorChanged;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carries changed shared fields between a contact and its linked records, in the
 * transaction of the change (docs/rules.md, "Synchronisation").
 *
 * A change to a contact goes to every record linked to it; a change to a record goes to
 * its contact, and from there, as a change of the contact, to the contact's other
 * records. Only changed fields travel, and a value that is already there changes nothing
 * and publishes nothing: the cascade ends by construction. Each carried change is made on
 * behalf of the user who made the first one, recorded as SYNC with the change log entry
 * that caused it.
 */
@Component
class SyncEngine {

	private static final int MAX_HOPS = 8;

	private final Contacts contacts;

	private final LinkedRecords records;

	private final Relations relations;

	private final SharedFields shared;

	private final JdbcClient jdbc;

	/**
	 * The links a contact's change is being carried along on this thread, innermost
	 * first: how the record's own change that follows knows where it came from.
	 */
	private final ThreadLocal<Deque<Carried>> carrying = ThreadLocal.withInitial(ArrayDeque::new);

	/**
	 * The newest value of each field sent by the changes of a contact being carried on
	 * this thread, by contact number: a value a record sends back to the contact while
	 * the first change is still on its way is what the contact's other records get, not
	 * the one it replaced.
	 */
	private final ThreadLocal<Map<String, Map<String, @Nullable Object>>> newest = ThreadLocal
		.withInitial(HashMap::new);

	SyncEngine(Contacts contacts, LinkedRecords records, Relations relations, SharedFields shared, JdbcClient jdbc) {
		this.contacts = contacts;
		this.records = records;
		this.relations = relations;
		this.shared = shared;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ContactChanged changed) {
		fromContact(changed.change());
	}

	@EventListener
	void on(CustomerChanged changed) {
		fromRecord(LinkedRecordType.CUSTOMER, changed.change());
	}

	@EventListener
	void on(VendorChanged changed) {
		fromRecord(LinkedRecordType.VENDOR, changed.change());
	}

	@EventListener
	void on(BankAccountChanged changed) {
		fromRecord(LinkedRecordType.BANK_ACCOUNT, changed.change());
	}

	/**
	 * Carries a contact's change to its linked records, and its new name to the records
	 * it is the primary contact of: each record gets one change with everything that
	 * reaches it, so that it moves one version however many ways the change reaches it.
	 */
	private void fromContact(RecordChange change) {
		Map<String, Map<String, @Nullable Object>> byContact = newest.get();
		Map<String, @Nullable Object> sent = byContact.get(change.no());
		boolean outermost = sent == null;
		if (outermost) {
			sent = new HashMap<>();
			byContact.put(change.no(), sent);
		}
		sent.putAll(change.values());
		try {
			toRecords(change, sent);
		}
		finally {
			if (outermost) {
				byContact.remove(change.no());
			}
		}
	}

	/**
	 * Carries the change to each record it reaches, one after the other.
	 * @param sent the newest value of every field the contact's changes on this thread
	 * have sent: what a record gets, though a value sent back to the contact on the way
	 * (by a record that stored it otherwise) came after this change
	 */
	private void toRecords(RecordChange change, Map<String, @Nullable Object> sent) {
		Actor carrier = change.carrier();
		Set<Target> reaching = new LinkedHashSet<>();
		for (ContactBusinessRelation link : relations.of(change.no())) {
			if (link.isLink()) {
				reaching.add(new Target(LinkedRecordType.valueOf(link.linkToTable()), link.linkedNo()));
			}
		}
		Set<Target> links = Set.copyOf(reaching);
		Set<Target> primaryOf = new LinkedHashSet<>();
		if (change.changed("name")) {
			primaryOf.addAll(recordsWithPrimaryContact(change.no()));
			reaching.addAll(primaryOf);
		}
		for (Target target : reaching) {
			// Made as the record's turn comes: a value sent back since has replaced its
			// own.
			Map<String, @Nullable Object> newestValues = new LinkedHashMap<>();
			change.values().keySet().forEach(field -> newestValues.put(field, sent.get(field)));
			Map<String, @Nullable Object> values = links.contains(target) ? shared.toRecord(target.type(), newestValues)
					: new LinkedHashMap<>();
			boolean link = !values.isEmpty();
			if (primaryOf.contains(target)) {
				Object name = newestValues.get("name");
				values.put("contact", name == null ? "" : name);
			}
			if (values.isEmpty()) {
				continue;
			}
			boolean carried = link && change.row() != null;
			if (carried) {
				carrying.get().push(new Carried(target, change.no(), change.written()));
			}
			try {
				carry(carrier, () -> LinkedRecords.contact(change.no()),
						() -> LinkedRecords.named(target.type(), target.no()), by -> {
							if (carried) {
								records.of(target.type()).applyFromItsContact(target.no(), values, by);
							}
							else {
								records.of(target.type()).apply(target.no(), values, by);
							}
						});
			}
			finally {
				if (carried) {
					carrying.get().pop();
				}
			}
		}
	}

	/**
	 * The customers and vendors whose primary contact this is: they show its name in
	 * {@code contact} (a person's name too, though its other fields stay its own).
	 */
	private List<Target> recordsWithPrimaryContact(String contactNo) {
		List<Target> targets = new ArrayList<>();
		for (LinkedRecordType type : List.of(LinkedRecordType.CUSTOMER, LinkedRecordType.VENDOR)) {
			jdbc.sql("SELECT no FROM " + records.of(type).table().table() + " WHERE primary_contact_no = ? ORDER BY no")
				.param(contactNo)
				.query(String.class)
				.list()
				.forEach(no -> targets.add(new Target(type, no)));
		}
		return targets;
	}

	/** A record a carried change reaches. */
	private record Target(LinkedRecordType type, String no) {
	}

	/** A contact's change on its way along a link: the contact as it was written. */
	private record Carried(Target target, String contactNo, Row contact) {
	}

	private void fromRecord(LinkedRecordType type, RecordChange change) {
		Map<String, @Nullable Object> values = shared.toContact(type, change.values());
		if (values.isEmpty()) {
			// Only the record's own fields changed (posting, primary contact).
			return;
		}
		Carried from = carrying.get().peek();
		if (from != null && from.target().equals(new Target(type, change.no()))) {
			// The record changed because its contact did. Going back, the change finds
			// the contact holding these values already, unless the record stored one
			// other than it was sent: then it goes back as any change (and the hop limit
			// stops a value that keeps changing on the way).
			if (values.entrySet()
				.stream()
				.allMatch(v -> Objects.equals(v.getValue(), from.contact().get(v.getKey())))) {
				return;
			}
			carry(change.carrier(), () -> LinkedRecords.named(type, change.no()),
					() -> LinkedRecords.contact(from.contactNo()), by -> contacts.apply(from.contactNo(), values, by));
			return;
		}
		relations.contactOf(type, change.no()).ifPresent(contactNo -> {
			Actor carrier = change.carrier();
			carry(carrier, () -> LinkedRecords.named(type, change.no()), () -> LinkedRecords.contact(contactNo),
					by -> contacts.apply(contactNo, values, by));
		});
	}

	/**
	 * Makes a carried change; {@code from} and {@code to} name the two sides for a
	 * refusal, only made when one comes.
	 */
	private static void carry(Actor carrier, Supplier<Message> from, Supplier<Message> to, Consumer<Actor> change) {
		// A change goes at most record, contact, other records: three hops. More means a
		// value that changes on the way (stored other than it was sent) is going round;
		// the change is refused rather than left to run until the stack is gone.
		if (carrier.hops() > MAX_HOPS) {
			throw new SyncRefused(from.get(), to.get(), Message.of("detail.sync.unsettled"), List.of());
		}
		try {
			change.accept(carrier);
		}
		catch (SyncRefused ex) {
			throw ex;
		}
		catch (ProblemException ex) {
			throw new SyncRefused(from.get(), to.get(), ex.detail(), ex.errors());
		}
		catch (DataIntegrityViolationException ex) {
			throw new SyncRefused(from.get(), to.get(), Message.of("detail.sync.rule", to.get()), List.of());
		}
	}

}
