package io.contactsync.relation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.contactsync.contact.ContactMerging;
import io.contactsync.contact.ContactUnmerging;
import io.contactsync.contact.Contacts;
import io.contactsync.contact.MergeLedger;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Business relations, links and primary contacts through a merge of contacts
 * (docs/merge.md): the merged contacts' relations move to the survivor, and a linked
 * record takes the survivor's shared values as when it is linked; two contacts linked to
 * different records of one type are a conflict unless the request names the link that
 * stays (the others are unlinked, both records stay); customers and vendors whose primary
 * contact goes get the survivor. Undo puts back what nothing has changed since.
 */
@Component
class MergedRelations {

	private final Relations relations;

	private final LinkedRecords records;

	private final SharedFields shared;

	private final Contacts contacts;

	private final JdbcClient jdbc;

	private final MergedRecords mergedRecords;

	MergedRelations(Relations relations, LinkedRecords records, SharedFields shared, Contacts contacts, JdbcClient jdbc,
			MergedRecords mergedRecords) {
		this.mergedRecords = mergedRecords;
		this.relations = relations;
		this.records = records;
		this.shared = shared;
		this.contacts = contacts;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ContactMerging merging) {
		Row survivor = merging.survivor();
		List<Row> all = new ArrayList<>();
		all.add(survivor);
		all.addAll(merging.merged());
		// Each contact's relations read once: the links of every type are among them.
		Map<String, List<ContactBusinessRelation>> held = new LinkedHashMap<>();
		all.forEach(contact -> held.put(contact.text("no"), relations.of(contact.text("no"))));
		Map<LinkedRecordType, String> kept = new LinkedHashMap<>();
		for (LinkedRecordType type : LinkedRecordType.values()) {
			Map<String, String> links = new LinkedHashMap<>();
			held.forEach((contactNo, of) -> linkIn(of, type).ifPresent(link -> links.put(contactNo, link.linkedNo())));
			if (links.size() < 2) {
				continue;
			}
			String keep = merging.keepLinks().get(type.name());
			if (keep == null) {
				merging.ledger().conflict(new MergeLedger.Conflict("LINK", type.name(), links));
			}
			else if (!links.containsValue(keep)) {
				throw new Problems.ValidationFailed("keepLinks." + type.name(), "invalid.keepLink", keep,
						String.join(", ", links.values()));
			}
			else {
				kept.put(type, keep);
			}
		}
		if (merging.conflictsOnly()) {
			return;
		}
		Set<String> survivorCodes = new HashSet<>();
		held.get(survivor.text("no")).forEach(relation -> survivorCodes.add(relation.businessRelationCode()));
		unlinkOthers(merging, held, kept, survivorCodes);
		for (Row merged : merging.merged()) {
			moveRelations(merging, merged, survivor, kept, survivorCodes);
		}
		for (Row merged : merging.merged()) {
			movePrimaryContacts(merging, merged.text("no"), survivor);
		}
	}

	private static Optional<ContactBusinessRelation> linkIn(List<ContactBusinessRelation> relations,
			LinkedRecordType type) {
		return relations.stream().filter(r -> type.name().equals(r.linkToTable())).findFirst();
	}

	/**
	 * The links of a type other than the one the request keeps go; both records stay, the
	 * other one merged into the kept one where the request says so.
	 */
	private void unlinkOthers(ContactMerging merging, Map<String, List<ContactBusinessRelation>> held,
			Map<LinkedRecordType, String> kept, Set<String> survivorCodes) {
		kept.forEach((type, keep) -> held.forEach(
				(contactNo, of) -> linkIn(of, type).filter(link -> !keep.equals(link.linkedNo())).ifPresent(link -> {
					merging.ledger()
						.moved(MergeLedger.LINK_REMOVED, type.name() + "/" + link.linkedNo(), contactNo, null,
								Map.of("businessRelationCode", link.businessRelationCode()));
					if (!merging.rehearsal()) {
						records.of(type).raiseVersion(link.linkedNo());
						relations.remove(link);
						if (contactNo.equals(merging.survivorNo())) {
							survivorCodes.remove(link.businessRelationCode());
						}
					}
					if (merging.mergeRecords().contains(type.name())) {
						mergedRecords.merge(merging, type, link.linkedNo(), keep, contactNo);
					}
				})));
	}

	/**
	 * @param survivorCodes the relations the survivor holds: kept up as they move to it
	 */
	private void moveRelations(ContactMerging merging, Row merged, Row survivor, Map<LinkedRecordType, String> kept,
			Set<String> survivorCodes) {
		for (ContactBusinessRelation relation : relations.of(merged.text("no"))) {
			if (merging.rehearsal() && relation.isLink()
					&& kept.containsKey(LinkedRecordType.valueOf(relation.linkToTable()))
					&& !kept.get(LinkedRecordType.valueOf(relation.linkToTable())).equals(relation.linkedNo())) {
				continue; // listed as unlinked already
			}
			Map<String, @Nullable String> before = new LinkedHashMap<>();
			before.put("linkToTable", relation.linkToTable());
			before.put("linkedNo", relation.linkedNo());
			boolean held = survivorCodes.contains(relation.businessRelationCode())
					&& !(merging.rehearsal() && relation.isLink());
			String kind = held ? MergeLedger.BUSINESS_RELATION_DROPPED : MergeLedger.BUSINESS_RELATION;
			merging.ledger().moved(kind, relation.businessRelationCode(), merged.text("no"), null, before);
			if (merging.rehearsal()) {
				continue;
			}
			LinkedRecordType type = relation.isLink() ? LinkedRecordType.valueOf(relation.linkToTable()) : null;
			if (type != null && relation.linkedNo() != null) {
				records.of(type).raiseVersion(relation.linkedNo());
			}
			relations.remove(relation);
			if (held) {
				continue;
			}
			relations.add(survivor, relation.businessRelationCode(), type, relation.linkedNo());
			survivorCodes.add(relation.businessRelationCode());
			if (type != null && relation.linkedNo() != null) {
				// Linked to the survivor as a link with the contact's values would be.
				records.of(type).apply(relation.linkedNo(), shared.toRecord(type, survivor.values()), merging.by());
			}
		}
	}

	/**
	 * Customers and vendors whose primary contact goes get the survivor; where the
	 * survivor cannot be theirs (their link went), they have none, their contact's name
	 * kept.
	 */
	private void movePrimaryContacts(ContactMerging merging, String mergedNo, Row survivor) {
		for (LinkedRecordType type : LinkedRecordType.values()) {
			if (!type.hasPrimaryContact()) {
				continue;
			}
			LinkedRecordService service = records.of(type);
			for (String recordNo : jdbc
				.sql("SELECT no FROM " + service.table().table() + " WHERE primary_contact_no = ? ORDER BY no")
				.param(mergedNo)
				.query(String.class)
				.list()) {
				String key = type.name() + "/" + recordNo;
				if (merging.rehearsal()) {
					merging.ledger()
						.moved(MergeLedger.PRIMARY_CONTACT, key, mergedNo, null, Map.of("primaryContactNo", mergedNo));
					continue;
				}
				Optional<String> linked = relations.contactOf(type, recordNo);
				boolean fits = linked
					.filter(no -> no.equals(survivor.text("no")) || no.equals(survivor.text("companyNo")))
					.isPresent();
				Map<String, @Nullable Object> changes = new LinkedHashMap<>();
				changes.put("primaryContactNo", fits ? survivor.text("no") : null);
				service.apply(recordNo, changes, merging.by());
				merging.ledger()
					.moved(MergeLedger.PRIMARY_CONTACT, key, mergedNo, service.get(recordNo).version(),
							Map.of("primaryContactNo", mergedNo));
			}
		}
	}

	@EventListener
	void on(ContactUnmerging unmerging) {
		MergeLedger ledger = unmerging.ledger();
		Map<String, Long> mergedRecordVersions = mergedRecords.versions(unmerging);
		// Their versions before this undo moves their links back, which raises them.
		Map<String, Long> versions = new LinkedHashMap<>();
		for (MergeLedger.Move move : unmerging.of(MergeLedger.PRIMARY_CONTACT)) {
			String[] key = move.key().split("/", 2);
			records.of(LinkedRecordType.valueOf(key[0]))
				.find(key[1])
				.ifPresent(record -> versions.put(move.key(), record.version()));
		}
		for (MergeLedger.Move move : unmerging.of(MergeLedger.BUSINESS_RELATION)) {
			Optional<ContactBusinessRelation> now = relations.find(unmerging.survivorNo(), move.key());
			Row contact = contacts.find(move.from()).orElse(null);
			if (contact == null || now.isEmpty() || !Objects.equals(now.get().linkedNo(), move.before().get("linkedNo"))
					|| relations.find(move.from(), move.key()).isPresent()) {
				ledger.notRestored(MergeLedger.BUSINESS_RELATION, move.from() + "/" + move.key(), "CHANGED");
				continue;
			}
			String linkToTable = move.before().get("linkToTable");
			LinkedRecordType type = linkToTable == null ? null : LinkedRecordType.valueOf(linkToTable);
			if (type != null) {
				records.of(type).raiseVersion(move.before().get("linkedNo"));
			}
			relations.remove(now.get());
			relations.add(contact, move.key(), type, move.before().get("linkedNo"));
			if (type != null) {
				records.of(type)
					.apply(move.before().get("linkedNo"), shared.toRecord(type, contact.values()), unmerging.by());
			}
		}
		for (MergeLedger.Move move : unmerging.of(MergeLedger.BUSINESS_RELATION_DROPPED)) {
			contacts.find(move.from())
				.filter(contact -> relations.find(move.from(), move.key()).isEmpty())
				.ifPresentOrElse(contact -> relations.add(contact, move.key(), null, null), () -> ledger
					.notRestored(MergeLedger.BUSINESS_RELATION_DROPPED, move.from() + "/" + move.key(), "CHANGED"));
		}
		for (MergeLedger.Move move : unmerging.of(MergeLedger.LINK_REMOVED)) {
			String[] key = move.key().split("/", 2);
			LinkedRecordType type = LinkedRecordType.valueOf(key[0]);
			Row contact = contacts.find(move.from()).orElse(null);
			if (contact == null || records.of(type).find(key[1]).isEmpty()
					|| relations.contactOf(type, key[1]).isPresent()
					|| relations.linkOf(move.from(), type).isPresent()) {
				ledger.notRestored(MergeLedger.LINK_REMOVED, move.key(), "CHANGED");
				continue;
			}
			records.of(type).raiseVersion(key[1]);
			relations.add(contact, move.before().get("businessRelationCode"), type, key[1]);
		}
		mergedRecords.unmerge(unmerging, mergedRecordVersions);
		for (MergeLedger.Move move : unmerging.of(MergeLedger.PRIMARY_CONTACT)) {
			String[] key = move.key().split("/", 2);
			LinkedRecordService service = records.of(LinkedRecordType.valueOf(key[0]));
			if (!Objects.equals(versions.get(move.key()), move.versionAfter())) {
				ledger.notRestored(MergeLedger.PRIMARY_CONTACT, move.key(), "CHANGED");
				continue;
			}
			service.apply(key[1], Map.of("primaryContactNo", move.from()), unmerging.by());
		}
	}

}
