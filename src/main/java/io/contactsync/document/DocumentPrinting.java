package io.contactsync.document;

import java.util.Optional;

import io.contactsync.contact.Contacts;
import io.contactsync.interaction.ContactEmailMissing;
import io.contactsync.interaction.DocumentType;
import io.contactsync.interaction.InteractionLog;
import io.contactsync.interaction.MailOut;
import io.contactsync.platform.Formats;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Printing a document as a PDF and e-mailing it to its contact, in the contact's
 * language, each logged as an interaction when setup says so.
 */
@Service
public class DocumentPrinting {

	private final Documents documents;

	private final Contacts contacts;

	private final DocumentPdf pdf;

	private final MailOut mail;

	private final InteractionLog interactions;

	DocumentPrinting(Documents documents, Contacts contacts, DocumentPdf pdf, MailOut mail,
			InteractionLog interactions) {
		this.documents = documents;
		this.contacts = contacts;
		this.pdf = pdf;
		this.mail = mail;
		this.interactions = interactions;
	}

	/** Prints a document, and logs that it was printed when asked to (the default). */
	@Transactional
	public byte[] print(DocumentKind kind, String no, boolean logInteraction) {
		Doc doc = documents.get(kind, no);
		byte[] printed = pdf.print(doc, contactOf(doc).orElse(null), printsInEnglish(doc));
		if (logInteraction) {
			logPrinted(doc);
		}
		return printed;
	}

	/**
	 * E-mails a document's PDF to its contact (or to {@code to}), and logs that it was
	 * sent.
	 */
	@Transactional
	public void send(DocumentKind kind, String no, @Nullable String to) {
		Doc doc = documents.get(kind, no);
		Row contact = contactOf(doc).orElse(null);
		String recipient = to != null && !to.isBlank() ? to : contact != null ? contact.text("email") : null;
		if (recipient == null || recipient.isBlank()) {
			throw new ContactEmailMissing(doc.contactNo() == null ? "(none)" : doc.contactNo());
		}
		if (recipient.length() > 255 || !Formats.EMAILS.matcher(recipient).matches()) {
			throw new Problems.ValidationFailed("to", Formats.EMAILS_HINT);
		}
		boolean english = printsInEnglish(doc);
		mail.send(recipient, doc.kind().printTitle(english) + " " + doc.no(),
				english ? "Please find the document attached." : "Vedlagt følger dokumentet.", doc.no() + ".pdf",
				pdf.print(doc, contact, english));
		logPrinted(doc);
	}

	/** Logs that a document was printed or sent, for its contact, when setup says so. */
	private void logPrinted(Doc doc) {
		DocumentType type = doc.kind().printed();
		if (type != null) {
			interactions.logFor(type, doc.contactNo(), doc.description().isBlank() ? null : doc.description(),
					doc.no());
		}
	}

	/** A contact's language decides the language of what is printed for it. */
	private boolean printsInEnglish(Doc doc) {
		return doc.contactNo() != null && contacts.find(doc.contactNo())
			.map(contact -> "ENU".equals(contact.text("languageCode")))
			.orElse(false);
	}

	private Optional<Row> contactOf(Doc doc) {
		return doc.contactNo() == null ? Optional.empty() : contacts.find(doc.contactNo());
	}

}
