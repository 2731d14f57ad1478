package io.contactsync.interaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.contactsync.contact.ContactMerging;
import io.contactsync.contact.ContactUnmerging;
import io.contactsync.contact.MergeLedger;
import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;
import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The interaction log through a merge of contacts (docs/merge.md): the entries of a
 * merged contact, and those of a merged company's people, name the survivor; undo names
 * the merged contact again where the entry still names the survivor.
 */
@Component
class MergedInteractions {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	MergedInteractions(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** An entry, and whom it named before the move. */
	private record Entry(long entryNo, @Nullable String contactNo, @Nullable String companyNo) {
	}

	@EventListener
	void on(ContactMerging merging) {
		if (merging.conflictsOnly()) {
			return;
		}
		String survivorNo = merging.survivorNo();
		List<RecordEvent> changed = new ArrayList<>();
		for (Row merged : merging.merged()) {
			String mergedNo = merged.text("no");
			List<Entry> entries = merging.rehearsal() ? entriesOf(mergedNo) : move(mergedNo, survivorNo);
			for (Entry entry : entries) {
				Map<String, @Nullable String> before = new LinkedHashMap<>();
				before.put("contactNo", entry.contactNo());
				before.put("contactCompanyNo", entry.companyNo());
				merging.ledger().moved(MergeLedger.INTERACTION, Long.toString(entry.entryNo()), mergedNo, null, before);
				if (!merging.rehearsal()) {
					changed.add(event(entry, moved(entry.contactNo(), mergedNo, survivorNo),
							moved(entry.companyNo(), mergedNo, survivorNo)));
				}
			}
		}
		if (!changed.isEmpty()) {
			// One event for them all: the change log and the outbox write them with one
			// statement each, each entry as if it had been published alone.
			events.publishEvent(new RecordChange.Batch("INTERACTION", RecordChange.Kind.UPDATED, changed));
		}
	}

	private List<Entry> entriesOf(String contactNo) {
		return jdbc
			.sql("SELECT entry_no, contact_no, contact_company_no FROM interaction_log_entry"
					+ " WHERE contact_no = :no OR contact_company_no = :no ORDER BY entry_no")
			.param("no", contactNo)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * The entries naming a merged contact name the survivor instead, in one statement
	 * that answers whom each named before.
	 */
	private List<Entry> move(String mergedNo, String survivorNo) {
		List<Entry> entries = new ArrayList<>(jdbc
			.sql("UPDATE interaction_log_entry e SET"
					+ " contact_no = CASE WHEN e.contact_no = :no THEN :survivor ELSE e.contact_no END,"
					+ " contact_company_no = CASE WHEN e.contact_company_no = :no THEN :survivor"
					+ " ELSE e.contact_company_no END FROM (SELECT entry_no, contact_no, contact_company_no"
					+ " FROM interaction_log_entry WHERE contact_no = :no OR contact_company_no = :no FOR UPDATE) was"
					+ " WHERE e.entry_no = was.entry_no RETURNING e.entry_no, was.contact_no, was.contact_company_no")
			.param("no", mergedNo)
			.param("survivor", survivorNo)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list());
		entries.sort(Comparator.comparingLong(Entry::entryNo));
		return entries;
	}

	@EventListener
	void on(ContactUnmerging unmerging) {
		List<RecordEvent> changed = new ArrayList<>();
		for (MergeLedger.Move move : unmerging.of(MergeLedger.INTERACTION)) {
			long entryNo = Long.parseLong(move.key());
			String contactNo = move.before().get("contactNo");
			String companyNo = move.before().get("contactCompanyNo");
			String nowContact = moved(contactNo, move.from(), unmerging.survivorNo());
			String nowCompany = moved(companyNo, move.from(), unmerging.survivorNo());
			int updated = jdbc
				.sql("UPDATE interaction_log_entry SET contact_no = ?, contact_company_no = ? WHERE entry_no = ?"
						+ " AND contact_no IS NOT DISTINCT FROM ? AND contact_company_no IS NOT DISTINCT FROM ?")
				.params(contactNo, companyNo, entryNo, nowContact, nowCompany)
				.update();
			if (updated == 0) {
				unmerging.ledger().notRestored(MergeLedger.INTERACTION, move.key(), "CHANGED");
				continue;
			}
			changed.add(event(new Entry(entryNo, nowContact, nowCompany), contactNo, companyNo));
		}
		if (!changed.isEmpty()) {
			events.publishEvent(new RecordChange.Batch("INTERACTION", RecordChange.Kind.UPDATED, changed));
		}
	}

	private static @Nullable String moved(@Nullable String no, String mergedNo, String survivorNo) {
		return mergedNo.equals(no) ? survivorNo : no;
	}

	private static RecordEvent event(Entry was, @Nullable String contactNo, @Nullable String companyNo) {
		List<FieldChange> changes = new ArrayList<>();
		if (!Objects.equals(was.contactNo(), contactNo)) {
			changes.add(new FieldChange("contactNo", was.contactNo(), contactNo));
		}
		if (!Objects.equals(was.companyNo(), companyNo)) {
			changes.add(new FieldChange("contactCompanyNo", was.companyNo(), companyNo));
		}
		return new InteractionMoved(new RecordChange("INTERACTION", Long.toString(was.entryNo()),
				RecordChange.Kind.UPDATED, changes, Map.of(), Actor.current()));
	}

}
