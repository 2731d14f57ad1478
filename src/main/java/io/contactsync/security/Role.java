package io.contactsync.security;

/** The roles of api.md; a user may have several. */
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
