package io.contactsync.relation;

import java.util.Optional;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.LinkedRecordType;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of links: which record a contact is linked to, and the reverse.
 */
@Service
public class Links {

	private final Relations relations;

	private final Contacts contacts;

	Links(Relations relations, Contacts contacts) {
		this.relations = relations;
		this.contacts = contacts;
	}

	/** The contact that holds a contact's links: its company, or itself. */
	@Transactional(readOnly = true)
	public String holderOf(String contactNo) {
		Row contact = contacts.get(contactNo);
		String companyNo = contact.text("companyNo");
		return companyNo != null ? companyNo : contactNo;
	}

	/** The record of a type that a contact (or a person's company) is linked with. */
	@Transactional(readOnly = true)
	public Optional<String> recordOf(String contactNo, LinkedRecordType type) {
		return relations.linkOf(holderOf(contactNo), type).map(ContactBusinessRelation::linkedNo);
	}

	/** The contact a record is linked with. */
	@Transactional(readOnly = true)
	public Optional<String> contactOf(LinkedRecordType type, String recordNo) {
		return relations.contactOf(type, recordNo);
	}

}
