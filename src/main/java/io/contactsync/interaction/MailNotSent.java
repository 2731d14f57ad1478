package io.contactsync.interaction;

import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The SMTP server refused or could not be reached: nothing was sent, nothing was logged.
 */
class MailNotSent extends ProblemException {

	MailNotSent(String reason) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "MAIL_NOT_SENT", Message.of("detail.mailNotSent", reason));
	}

}
