package io.contactsync.contact;

import java.util.List;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** The action or field needs a COMPANY contact, and got something else. */
public class CompanyContactRequired extends ProblemException {

	public CompanyContactRequired(String field, Message message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "COMPANY_CONTACT_REQUIRED", message,
				List.of(new FieldError(field, message)));
	}

}
