package io.contactsync.interaction;

import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** Mail for a contact that has no e-mail address. */
public class ContactEmailMissing extends ProblemException {

	public ContactEmailMissing(String contactNo) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "CONTACT_EMAIL_MISSING",
				Message.of("detail.contactEmailMissing", contactNo));
	}

}
