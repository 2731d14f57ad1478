package io.contactsync.exchange.imports;

import io.contactsync.platform.Actor;
import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;

/**
 * What an import creates and changes: contacts (companies and their people), customers,
 * vendors or bank accounts. Who may import a kind is who may write it through the API
 * (docs/rest.md, "Roles").
 */
enum ImportKind {

	CONTACT("ADMIN", "SALES", "PURCHASING"), CUSTOMER("ADMIN", "SALES", "FINANCE"),
	VENDOR("ADMIN", "PURCHASING", "FINANCE"), BANK_ACCOUNT("ADMIN", "FINANCE");

	private final String[] roles;

	ImportKind(String... roles) {
		this.roles = roles;
	}

	/** The change log's record type of what the import writes. */
	String recordType() {
		return name();
	}

	/** Refuses (403) a user who may not write this kind of record. */
	void requireWriter() {
		if (!Actor.hasAnyRole(roles)) {
			throw new Problems.Forbidden(Message.of("detail.forbidden"));
		}
	}

	static ImportKind of(String kind) {
		for (ImportKind value : values()) {
			if (value.name().equals(kind)) {
				return value;
			}
		}
		throw new Problems.ValidationFailed("kind", "invalid.oneOf", "CONTACT, CUSTOMER, VENDOR, BANK_ACCOUNT");
	}

}
