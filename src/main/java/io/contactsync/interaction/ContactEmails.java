package io.contactsync.interaction;

import java.util.ArrayList;
import java.util.List;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.platform.TextRules;
import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail to a contact, logged as an EMAIL interaction when setup names a template for it.
 */
@Service
public class ContactEmails {

	private final Contacts contacts;

	private final MailOut mail;

	private final InteractionLog log;

	ContactEmails(Contacts contacts, MailOut mail, InteractionLog log) {
		this.contacts = contacts;
		this.mail = mail;
		this.log = log;
	}

	public record Email(@Nullable String subject, @Nullable String body) {
	}

	@Transactional
	public void send(String contactNo, Email email) {
		List<FieldError> errors = new ArrayList<>();
		if (email.subject() == null || email.subject().isBlank()) {
			errors.add(new FieldError("subject", "invalid.required"));
		}
		else {
			// A line break in a header would let the sender add headers of their own: the
			// rule of every one-line text refuses it.
			FieldError subject = TextRules.check("subject", email.subject(), 255);
			if (subject != null) {
				errors.add(subject);
			}
		}
		if (email.body() != null && TextRules.length(email.body()) > 100_000) {
			errors.add(new FieldError("body", "invalid.atMost", "100000"));
		}
		else if (email.body() != null && TextRules.hasSurrogateHalf(email.body())) {
			errors.add(new FieldError("body", "invalid.surrogate"));
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		Row contact = contacts.get(contactNo);
		String to = contact.text("email");
		if (to == null || to.isBlank()) {
			throw new ContactEmailMissing(contactNo);
		}
		mail.send(to, email.subject(), email.body() == null ? "" : email.body(), null, null);
		String description = email.subject().length() > 100 ? email.subject().substring(0, 100) : email.subject();
		log.logFor(DocumentType.EMAIL, contactNo, description, null);
	}

}
