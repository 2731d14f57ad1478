package io.contactsync.relation;

import io.contactsync.setup.ContactType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.customer.CustomerChanged;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.purchasing.VendorChanged;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The primary contact of a customer or vendor (docs/rules.md, "Primary contact"): the
 * linked company or one of its people. Choosing a person shows its name; choosing the
 * company also copies its phone and e-mail where not blank; typing a name with none
 * chosen creates the person.
 */
@Component
class PrimaryContacts {

	private final Contacts contacts;

	private final LinkedRecords records;

	private final Relations relations;

	PrimaryContacts(Contacts contacts, LinkedRecords records, Relations relations) {
		this.contacts = contacts;
		this.records = records;
		this.relations = relations;
	}

	@EventListener
	void on(CustomerChanged changed) {
		on(LinkedRecordType.CUSTOMER, changed.change());
	}

	@EventListener
	void on(VendorChanged changed) {
		on(LinkedRecordType.VENDOR, changed.change());
	}

	private void on(LinkedRecordType type, RecordChange change) {
		if (change.changed("primaryContactNo")) {
			choose(type, change);
		}
		else if (change.changed("contact") && change.actor().origin() != ChangeOrigin.SYNC) {
			typeName(type, change);
		}
	}

	private void choose(LinkedRecordType type, RecordChange change) {
		String chosen = (String) change.values().get("primaryContactNo");
		if (chosen == null) {
			return;
		}
		LinkedRecordService service = records.of(type);
		String linked = relations.contactOf(type, change.no()).orElse(null);
		Row contact = contacts.findLatest(chosen).orElse(null);
		if (contact == null || linked == null || !(chosen.equals(linked) || linked.equals(contact.text("companyNo")))) {
			throw new Problems.ValidationFailed("primaryContactNo", "invalid.primaryContact", chosen,
					LinkedRecords.named(type, change.no()));
		}
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("contact", contact.text("name"));
		if (chosen.equals(linked) && ContactType.COMPANY.is(contact.text("type"))) {
			copyIfNotBlank(contact, values, "phoneNo");
			copyIfNotBlank(contact, values, "email");
		}
		Row record = change.written();
		if (values.entrySet()
			.stream()
			.allMatch(value -> Objects.equals(value.getValue(), record.get(value.getKey())))) {
			// Written with the record's own change already: nothing to lock.
			return;
		}
		service.apply(change.no(), values, change.carrier());
	}

	/**
	 * A name typed while no primary contact is chosen becomes a person of the linked
	 * company.
	 */
	private void typeName(LinkedRecordType type, RecordChange change) {
		LinkedRecordService service = records.of(type);
		Row record = change.written();
		String name = (String) change.values().get("contact");
		Optional<String> linked = relations.contactOf(type, change.no());
		// While a primary contact is chosen, the name is plain text, as in the ERP.
		if (record.get("primaryContactNo") != null || name == null || name.isBlank() || linked.isEmpty()) {
			return;
		}
		Row company = contacts.findLatest(linked.get()).orElse(null);
		if (company == null || !ContactType.COMPANY.is(company.text("type"))) {
			return;
		}
		Actor carrier = change.carrier();
		Map<String, @Nullable Object> person = new LinkedHashMap<>();
		person.put("type", ContactType.PERSON.name());
		person.put("name", name);
		person.put("companyNo", company.text("no"));
		Row created = contacts.insert(person, carrier);
		service.apply(change.no(), Map.of("primaryContactNo", created.text("no")), carrier);
	}

	private static void copyIfNotBlank(Row contact, Map<String, @Nullable Object> values, String field) {
		String value = contact.text(field);
		if (value != null && !value.isBlank()) {
			values.put(field, value);
		}
	}

}
