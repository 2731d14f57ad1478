package io.contactsync.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An event that says data changed. Published synchronously inside the transaction that
 * made the change, so the change log commits with the change or not at all.
 */
public interface AuditedChange {

	/** The change log's record type: CONTACT, CUSTOMER, ..., SETUP. */
	String recordType();

	/** The key of the changed record. */
	String no();

	/** Only the fields whose values really changed. */
	List<FieldChange> changes();

	/** Who made the change and through what. */
	Actor actor();

	/**
	 * The number of the change's first change-log entry, taken when the change was made
	 * (see {@link ChangeNumbers}); null when the change log numbers the entries itself,
	 * for changes that nothing carries on.
	 */
	@Nullable Long entryNo();

}
