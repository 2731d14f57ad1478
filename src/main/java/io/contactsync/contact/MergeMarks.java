package io.contactsync.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.table.Row;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pairs marked as separate contacts, through a merge: a merged contact's marks become
 * the survivor's; a mark between two of the merged contacts, which the merge overrules,
 * goes, and comes back with undo (docs/merge.md).
 */
@Component
class MergeMarks {

	private final JdbcClient jdbc;

	MergeMarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void move(List<Row> merged, String survivorNo, MergeLedger ledger, boolean rehearsal) {
		List<String> all = new ArrayList<>(merged.stream().map(c -> c.text("no")).toList());
		all.add(survivorNo);
		for (Row contact : merged) {
			String no = contact.text("no");
			for (String other : jdbc
				.sql("SELECT CASE WHEN contact_no = :no THEN other_contact_no ELSE contact_no END"
						+ " FROM separate_contacts WHERE contact_no = :no OR other_contact_no = :no ORDER BY 1")
				.param("no", no)
				.query(String.class)
				.list()) {
				boolean within = all.contains(other);
				boolean added = false;
				if (!rehearsal) {
					delete(no, other);
					if (!within) {
						added = jdbc
							.sql("INSERT INTO separate_contacts (contact_no, other_contact_no) VALUES (?, ?)"
									+ " ON CONFLICT DO NOTHING")
							.params(first(survivorNo, other), second(survivorNo, other))
							.update() > 0;
					}
				}
				ledger.moved(MergeLedger.DUPLICATE_MARK, other, no, null,
						Map.of("survivorMark", within ? "NONE" : added || rehearsal ? "ADDED" : "HELD"));
			}
		}
	}

	/** The merged contacts' marks back; a survivor's mark that the merge added goes. */
	void restore(List<MergeLedger.Move> moves, String survivorNo) {
		for (MergeLedger.Move move : moves) {
			if (!move.kind().equals(MergeLedger.DUPLICATE_MARK)) {
				continue;
			}
			if ("ADDED".equals(move.before().get("survivorMark"))) {
				delete(survivorNo, move.key());
			}
			jdbc.sql("INSERT INTO separate_contacts (contact_no, other_contact_no) SELECT ?, ? WHERE EXISTS"
					+ " (SELECT 1 FROM contact WHERE no = ?) AND EXISTS (SELECT 1 FROM contact WHERE no = ?)"
					+ " ON CONFLICT DO NOTHING")
				.params(first(move.from(), move.key()), second(move.from(), move.key()), move.from(), move.key())
				.update();
		}
	}

	private void delete(String one, String other) {
		jdbc.sql("DELETE FROM separate_contacts WHERE contact_no = ? AND other_contact_no = ?")
			.params(first(one, other), second(one, other))
			.update();
	}

	private static String first(String one, String other) {
		return one.compareTo(other) < 0 ? one : other;
	}

	private static String second(String one, String other) {
		return one.compareTo(other) < 0 ? other : one;
	}

}
