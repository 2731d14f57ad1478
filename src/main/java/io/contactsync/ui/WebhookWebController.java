package io.contactsync.ui;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.contactsync.integration.webhook.Delivery;
import io.contactsync.integration.webhook.Webhook;
import io.contactsync.integration.webhook.WebhookRequest;
import io.contactsync.integration.webhook.Webhooks;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.LocalFormats;
import io.contactsync.platform.Page;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhook endpoints for administrators: the list, a new endpoint with its secret shown
 * once, each endpoint's state (disabled by the system, and why) and delivery log, a
 * redelivery and a replay. The same service as {@code /api/v1/webhooks}.
 */
@Controller
@RequestMapping("/setup/webhooks")
class WebhookWebController {

	private final Webhooks webhooks;

	private final Forms forms;

	private final Pages pages;

	WebhookWebController(Webhooks webhooks, Forms forms, Pages pages) {
		this.webhooks = webhooks;
		this.forms = forms;
		this.pages = pages;
	}

	/** An attempt as the log shows it, its time in the page's language. */
	record DeliveryLine(Delivery delivery, String at) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("webhooks", webhooks.list(1000, null).items());
		model.addAttribute("eventTypes", webhooks.eventTypes());
		model.addAttribute("recordTypes", webhooks.recordTypes());
		model.addAttribute("active", "setup");
		return "setup/webhooks";
	}

	/** Made enabled; the next page shows the secret, this once. */
	@PostMapping
	String create(@RequestParam String url, @RequestParam(required = false) @Nullable List<String> eventTypes,
			@RequestParam(required = false) @Nullable List<String> recordTypes,
			@RequestParam(required = false) @Nullable String excludeSourceSystem,
			@RequestParam(required = false) @Nullable String description, Locale locale, RedirectAttributes next) {
		try {
			Webhook made = webhooks.create(new WebhookRequest(url, eventTypes, recordTypes, given(excludeSourceSystem),
					given(description), true));
			next.addFlashAttribute("saved", forms.message("webhooks.created", locale, made.id()));
			next.addFlashAttribute("secret", made.secret());
			return "redirect:/setup/webhooks/" + made.id();
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/setup/webhooks";
		}
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, @RequestParam(required = false) @Nullable String cursor, Model model,
			Locale locale) {
		Webhook webhook = webhooks.get(id);
		Page<Delivery> deliveries = webhooks.deliveries(id, 50, cursor);
		model.addAttribute("webhook", webhook);
		model.addAttribute("disabledAt", shown(webhook.disabledAt(), locale));
		model.addAttribute("nextAttemptAt", shown(webhook.nextAttemptAt(), locale));
		model.addAttribute("deliveries",
				deliveries.items()
					.stream()
					.map(delivery -> new DeliveryLine(delivery, LocalFormats.timestamp(delivery.at(), locale)))
					.toList());
		model.addAttribute("nextPage", deliveries.next());
		model.addAttribute("eventTypes", webhooks.eventTypes());
		model.addAttribute("recordTypes", webhooks.recordTypes());
		model.addAttribute("active", "setup");
		return "setup/webhook";
	}

	/** Every field of the form, as a merge patch: what is not chosen is cleared. */
	@PostMapping("/{id}")
	String change(@PathVariable long id, @RequestParam long version, @RequestParam String url,
			@RequestParam(required = false) @Nullable List<String> eventTypes,
			@RequestParam(required = false) @Nullable List<String> recordTypes,
			@RequestParam(required = false) @Nullable String excludeSourceSystem,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(defaultValue = "false") boolean enabled, Locale locale, RedirectAttributes next) {
		ObjectNode patch = JsonNodeFactory.instance.objectNode();
		patch.put("url", url);
		(eventTypes == null ? List.<String>of() : eventTypes).forEach(patch.putArray("eventTypes")::add);
		(recordTypes == null ? List.<String>of() : recordTypes).forEach(patch.putArray("recordTypes")::add);
		patch.put("excludeSourceSystem", given(excludeSourceSystem));
		patch.put("description", given(description));
		patch.put("enabled", enabled);
		try {
			webhooks.patch(id, ExpectedVersion.of(version), patch);
			next.addFlashAttribute("saved", forms.message("record.saved", locale));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/webhooks/" + id;
	}

	@PostMapping("/{id}/replay")
	String replay(@PathVariable long id, @RequestParam String after, Locale locale, RedirectAttributes next) {
		try {
			long position;
			try {
				position = Long.parseLong(after.strip());
			}
			catch (NumberFormatException ex) {
				throw new Problems.ValidationFailed("after", "invalid.replayPoint");
			}
			webhooks.replay(id, position);
			next.addFlashAttribute("saved", forms.message("webhooks.replayed", locale, position));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/webhooks/" + id;
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	String redeliver(@PathVariable long id, @PathVariable long deliveryId, Locale locale, RedirectAttributes next) {
		try {
			Delivery attempt = webhooks.redeliver(id, deliveryId);
			String outcome = forms.message("webhooks.status." + attempt.status(), locale)
					+ (attempt.responseCode() == null ? "" : " (" + attempt.responseCode() + ")");
			next.addFlashAttribute("saved", forms.message("webhooks.redelivered", locale, outcome));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/setup/webhooks/" + id;
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model, Locale locale) {
		Webhook webhook = webhooks.get(id);
		model.addAttribute("title", forms.message("delete.webhook", locale, id, webhook.url()));
		model.addAttribute("kept", List.of(forms.message("keep.webhook", locale)));
		model.addAttribute("action", "/setup/webhooks/" + id + "/delete");
		model.addAttribute("version", webhook.version());
		model.addAttribute("back", "/setup/webhooks/" + id);
		model.addAttribute("active", "setup");
		return "confirm-delete";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam long version, Locale locale, RedirectAttributes next) {
		try {
			webhooks.delete(id, ExpectedVersion.of(version));
			next.addFlashAttribute("saved", forms.message("record.deleted", locale, "Webhook " + id));
			return "redirect:/setup/webhooks";
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/setup/webhooks/" + id;
		}
	}

	private static @Nullable String given(@Nullable String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

	private static @Nullable String shown(@Nullable Instant at, Locale locale) {
		return at == null ? null : LocalFormats.timestamp(at, locale);
	}

}
