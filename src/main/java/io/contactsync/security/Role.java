package io.contactsync.security;

import io.swagger.v3.oas.annotations.media.Schema;

/** The roles (docs/rest.md, "Roles"); a user may have several. */
@Schema(enumAsRef = true)
public enum Role {

	/** Everything, setup and users included. */
	ADMIN,
	/** Contacts, customers, sales documents, service orders, interactions. */
	SALES,
	/** Contacts, vendors, purchase documents, interactions. */
	PURCHASING,
	/** Customers, vendors, bank accounts, jobs; reads everything. */
	FINANCE,
	/** Reads all but bank accounts. */
	VIEWER;

	String authority() {
		return "ROLE_" + name();
	}

}
