package io.contactsync.ui;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.contactsync.interaction.MailOut;
import io.contactsync.platform.LocalFormats;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The outbox, for administrators: every mail the application wrote, whether it went out,
 * waits (for its next attempt, or for an SMTP server to be configured) or was given up,
 * with how often it was tried and the last error.
 */
@Controller
class OutboxWebController {

	private final MailOut mail;

	OutboxWebController(MailOut mail) {
		this.mail = mail;
	}

	/** A message as the page shows it, times in the page's language. */
	record Shown(MailOut.Message message, String createdAt, String nextAttemptAt, String sentAt) {
	}

	@GetMapping("/setup/outbox")
	String outbox(Model model, Locale locale) {
		List<Shown> messages = mail.messages(200)
			.stream()
			.map(m -> new Shown(m, time(m.createdAt(), locale), time(m.nextAttemptAt(), locale),
					time(m.sentAt(), locale)))
			.toList();
		model.addAttribute("messages", messages);
		model.addAttribute("sendsMail", mail.sendsMail());
		model.addAttribute("active", "setup");
		return "setup/outbox";
	}

	private static String time(@Nullable String at, Locale locale) {
		return at == null ? "" : LocalFormats.timestamp(Instant.parse(at), locale);
	}

}
