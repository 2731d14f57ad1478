package io.contactsync.relation;

import org.jspecify.annotations.Nullable;

/**
 * A business relation of a contact, as the API shows it: a plain classification, or a
 * link to one customer, vendor or bank account.
 */
public record ContactBusinessRelation(String contactNo, String businessRelationCode, String businessRelationDescription,
		@Nullable String linkToTable, @Nullable String linkedNo, String contactName) {

	public boolean isLink() {
		return linkToTable != null;
	}

}
