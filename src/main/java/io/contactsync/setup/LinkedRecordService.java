package io.contactsync.setup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.Page;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.RowMapper;

/**
 * What the linking, the sync, documents, jobs and the web UI ask of any of the three
 * records a contact can be linked with: customers ({@code customer.Customers}), vendors
 * ({@code purchasing.Vendors}) and bank accounts ({@code bankaccount.BankAccounts}). Each
 * module keeps its own rules (its number series, its templates) behind it.
 */
public interface LinkedRecordService {

	LinkedRecordType type();

	Table table();

	/** Maps the rows of {@code SELECT *} on the record's table. */
	RowMapper<Row> rows();

	Row get(String no);

	Optional<Row> find(String no);

	/** A keyset-paged list in number order, searched with {@code q} when given. */
	Page<Row> list(@Nullable String query, @Nullable Integer limit, @Nullable String cursor);

	/**
	 * Creates a record from a request body; a {@code templateCode}, where the record type
	 * has templates, fills what the body leaves out.
	 */
	Row create(JsonNode body);

	/**
	 * {@link #create} for many records at once, with the same rules, a few statements for
	 * them all (an import's page): one that the rules refuse fails the whole call.
	 * @return the records as stored after their creation's listeners, in the given order
	 */
	List<Row> createAll(List<JsonNode> bodies);

	/** Creates a record from typed values, numbered from its series unless given one. */
	Row insert(Map<String, @Nullable Object> values);

	/** Changes a record by merge patch, if it is still at the expected version. */
	Row patch(String no, ExpectedVersion expected, JsonNode patch);

	/**
	 * Changes fields without a version check, for changes the application makes itself on
	 * behalf of the user's (the sync, primary contacts).
	 * @param by who the change is made for and what caused it: for a carried change the
	 * cause's {@code carrier()}, so that the change log and the next listener see it
	 */
	void apply(String no, Map<String, @Nullable Object> changes, Actor by);

	/**
	 * {@link #apply} of a change its own contact carries to it, in the transaction that
	 * has just written that contact and so holds its lock: the lock order is kept without
	 * asking for the contact's lock again.
	 */
	void applyFromItsContact(String no, Map<String, @Nullable Object> changes, Actor by);

	/** {@link #apply} for many records at once. */
	List<Row> applyAll(Map<String, Map<String, @Nullable Object>> changes);

	void delete(String no, ExpectedVersion expected);

	/**
	 * Shows which contact the record is linked to; derived from the links, which are
	 * logged themselves, so it moves neither the version nor the log.
	 */
	void showContact(String no, @Nullable String contactNo);

	/**
	 * Raises the record's version for this transaction, before a change that
	 * {@link #showContact} makes (its link moved to another contact by a merge of
	 * contacts): what the transaction writes to it later stays in that one version.
	 */
	void raiseVersion(String no);

	/** {@link #showContact} for many records, by record number. */
	void showContacts(Map<String, String> contactNos);

	/**
	 * The record type's template with that code; unknown, or a type without templates:
	 * UNKNOWN_CODE on {@code templateCode}.
	 */
	Row template(String code);

	/** Fills what is still empty in a new record's values from a template. */
	default void fillFromTemplate(Map<String, @Nullable Object> values, Row template) {
		Templates.fillBlanks(table(), values, template);
	}

}
