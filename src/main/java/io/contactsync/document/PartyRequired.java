package io.contactsync.document;

import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;
import io.contactsync.setup.LinkedRecordType;

import org.springframework.http.HttpStatus;

/**
 * The action needs the document's customer (CUSTOMER_REQUIRED) or vendor
 * (VENDOR_REQUIRED), and the document has none it could take: 422.
 */
final class PartyRequired extends ProblemException {

	PartyRequired(DocumentKind kind, Message message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				kind.partyType() == LinkedRecordType.VENDOR ? "VENDOR_REQUIRED" : "CUSTOMER_REQUIRED", message);
	}

}
