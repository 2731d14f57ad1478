package io.contactsync.document;

import java.util.ArrayList;
import java.util.List;

import io.contactsync.contact.ContactDeleting;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.Problems;
import io.contactsync.platform.RowVersions;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.RecordChange;
import io.contactsync.relation.Linking;
import io.contactsync.relation.RecordLinked;
import io.contactsync.setup.LinkedRecordDeleting;
import io.contactsync.setup.LinkedRecordType;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What documents do when their parties change: open quotes get the customer (vendor) of a
 * contact that is linked, and a contact or record that open documents name is not
 * deleted.
 */
@Component
class DocumentParties {

	private final Documents documents;

	private final JdbcClient jdbc;

	private final DocumentEvents events;

	DocumentParties(Documents documents, JdbcClient jdbc, DocumentEvents events) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * (docs/rules.md, "Linking") once a contact's company is linked, its open quotes
	 * without a customer (vendor) get it.
	 */
	@EventListener
	void on(RecordLinked linked) {
		DocumentKind quote = switch (linked.type()) {
			case CUSTOMER -> DocumentKind.SALES_QUOTE;
			case VENDOR -> DocumentKind.PURCHASE_QUOTE;
			case BANK_ACCOUNT -> null;
		};
		if (quote == null) {
			return;
		}
		String column = quote == DocumentKind.SALES_QUOTE ? "customer_no" : "vendor_no";
		Row record = documents.service(linked.type()).get(linked.recordNo());
		String name = record.text("name");
		// Each quote changed is logged like any change to a document, with what it was.
		jdbc.sql("WITH quote AS (SELECT kind, no, party_name, template_code FROM document WHERE kind = ?"
				+ " AND status = 'OPEN' AND " + column + " IS NULL AND contact_no IN"
				+ " (SELECT no FROM contact WHERE no = ? OR company_no = ?) ORDER BY no FOR UPDATE)"
				+ " UPDATE document d SET " + column + " = ?, party_name = ?, template_code = NULL, version = "
				+ RowVersions.next("d") + " FROM quote q WHERE d.kind = q.kind AND d.no = q.no"
				+ " RETURNING d.no, q.party_name, q.template_code, d.version")
			.params(quote.name(), linked.contactNo(), linked.contactNo(), linked.recordNo(), name)
			.query((rs, n) -> {
				List<FieldChange> changes = new ArrayList<>();
				changes.add(new FieldChange(quote.recordField(), null, linked.recordNo()));
				if (!java.util.Objects.equals(rs.getString(2), name)) {
					changes.add(new FieldChange(quote.recordNameField(), rs.getString(2), name));
				}
				if (rs.getString(3) != null) {
					changes.add(new FieldChange(quote.templateField(), rs.getString(3), null));
				}
				events.publish(quote, rs.getString(1), RecordChange.Kind.UPDATED, changes, rs.getLong(4));
				return rs.getString(1);
			})
			.list();
	}

	/**
	 * (docs/rules.md, "Deleting") a contact that an open document names cannot be
	 * deleted.
	 */
	@EventListener
	void on(ContactDeleting deleting) {
		refuseIfNamed("contact_no", new Problems.Use("CONTACT", deleting.no()));
	}

	@EventListener
	void on(LinkedRecordDeleting deleting) {
		if (deleting.type() != LinkedRecordType.BANK_ACCOUNT) {
			refuseIfNamed(deleting.type() == LinkedRecordType.CUSTOMER ? "customer_no" : "vendor_no",
					new Problems.Use(deleting.type().name(), deleting.no()));
		}
	}

	/** Open documents that name the record refuse its delete, and are named. */
	private void refuseIfNamed(String column, Problems.Use what) {
		List<Problems.Use> documents = jdbc
			.sql("SELECT kind, no FROM document WHERE " + column + " = ? AND status = 'OPEN' ORDER BY kind, no"
					+ " LIMIT 5")
			.param(what.no())
			.query((rs, n) -> new Problems.Use(rs.getString(1), rs.getString(2)))
			.list();
		if (!documents.isEmpty()) {
			throw new Problems.InUse(what, documents);
		}
	}

}
