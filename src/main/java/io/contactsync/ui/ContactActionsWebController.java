package io.contactsync.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.contactsync.interaction.MailOut;
import io.contactsync.platform.Message;
import io.contactsync.contact.ContactRoles;
import io.contactsync.contact.DuplicateSearch;
import io.contactsync.document.Doc;
import io.contactsync.document.DocumentKind;
import io.contactsync.document.Documents;
import io.contactsync.interaction.ContactEmails;
import io.contactsync.interaction.InteractionLog;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.relation.Linking;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions of the contact card: create as customer, vendor or bank account (linking
 * with an existing one is {@link LinkWebController}'s), new quotes, send e-mail, log an
 * interaction, mark a duplicate separate. Each calls one service method and comes back to
 * the card saying what happened.
 */
@Controller
@RequestMapping("/contacts/{no}")
class ContactActionsWebController {

	private final Linking linking;

	private final Documents documents;

	private final ContactEmails emails;

	private final InteractionLog interactions;

	private final DuplicateSearch duplicates;

	private final Forms forms;

	private final Pages pages;

	private final SyncEffects effects;

	private final MailOut mail;

	private final ContactRoles roles;

	ContactActionsWebController(Linking linking, Documents documents, ContactEmails emails, InteractionLog interactions,
			DuplicateSearch duplicates, Forms forms, Pages pages, SyncEffects effects, MailOut mail,
			ContactRoles roles) {
		this.roles = roles;
		this.mail = mail;
		this.linking = linking;
		this.documents = documents;
		this.emails = emails;
		this.interactions = interactions;
		this.duplicates = duplicates;
		this.forms = forms;
		this.pages = pages;
		this.effects = effects;
	}

	/** A role at another company (docs/rules.md, "Roles at other companies"). */
	@PostMapping("/roles")
	String addRole(@PathVariable String no, @RequestParam Map<String, String> form, Locale locale,
			RedirectAttributes next) {
		return act(no, locale, next, () -> {
			ObjectNode body = JsonNodeFactory.instance.objectNode();
			for (String field : List.of("companyNo", "jobTitle", "startingDate", "endingDate", "phoneNo", "email")) {
				String value = Forms.blankAsNull(form.get(field));
				if (value != null) {
					body.put(field, value);
				}
			}
			ContactRoles.Role role = roles.add(no, body);
			return forms.message("role.added", locale, role.companyName());
		});
	}

	/** Ends a role today; it stays on the card as history. */
	@PostMapping("/roles/{id}/end")
	String endRole(@PathVariable String no, @PathVariable long id, @RequestParam long version, Locale locale,
			RedirectAttributes next) {
		return act(no, locale, next, () -> {
			ContactRoles.Role role = roles.patch(no, id, ExpectedVersion.of(version),
					JsonNodeFactory.instance.objectNode()
						.put("endingDate", LocalDate.now(ZoneId.of("Europe/Oslo")).toString()));
			return forms.message("role.ended.saved", locale, role.companyName());
		});
	}

	@PostMapping("/create/{type}")
	String createAs(@PathVariable String no, @PathVariable LinkedRecordType type,
			@RequestParam(required = false) @Nullable String template, Locale locale, RedirectAttributes next) {
		return act(no, locale, next, () -> {
			Row record = linking.createRecord(no, type, Forms.blankAsNull(template));
			return forms.message("created." + type.name(), locale, record.text("no"));
		});
	}

	/** A new sales or purchase quote for the contact; the page goes on to the quote. */
	@PostMapping("/documents/{resource}")
	String newQuote(@PathVariable String no, @PathVariable String resource, Locale locale, RedirectAttributes next) {
		DocumentKind kind = DocumentKind.ofResource(resource)
			.filter(DocumentKind::isQuote)
			.orElseThrow(() -> new Problems.NotFound(Message.of("detail.resource"), resource));
		try {
			Doc quote = documents.create(kind, JsonNodeFactory.instance.objectNode().put(kind.contactField(), no));
			next.addFlashAttribute("saved", forms.message("document.created", locale, quote.no()));
			return "redirect:/documents/" + resource + "/" + quote.no();
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/contacts/" + no;
		}
	}

	@PostMapping("/email")
	String email(@PathVariable String no, @RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String body, Locale locale, RedirectAttributes next) {
		return act(no, locale, next, () -> {
			emails.send(no, new ContactEmails.Email(subject, body));
			// Without an SMTP server the mail waits in the outbox: the user is told so.
			return forms.message(mail.sendsMail() ? "email.sent" : "email.queued", locale);
		});
	}

	@PostMapping("/interactions")
	String logInteraction(@PathVariable String no, @RequestParam(required = false) @Nullable String template,
			@RequestParam(required = false) @Nullable String description, Locale locale, RedirectAttributes next) {
		return act(no, locale, next, () -> {
			interactions.logByHand(no,
					new InteractionLog.Request(Forms.blankAsNull(template), description, null, null, null));
			return forms.message("interaction.logged", locale);
		});
	}

	@PostMapping("/duplicates/{other}/separate")
	String separate(@PathVariable String no, @PathVariable String other, Locale locale, RedirectAttributes next) {
		return act(no, locale, next, () -> {
			duplicates.markSeparate(no, other, true);
			return forms.message("duplicates.separate", locale, other);
		});
	}

	private String act(String no, Locale locale, RedirectAttributes next, Supplier<String> action) {
		try {
			SyncEffects.Outcome<String> done = effects.during(action);
			pages.saved(next, done.result(), done.changedBesides("CONTACT", no), locale);
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/contacts/" + no;
	}

}
