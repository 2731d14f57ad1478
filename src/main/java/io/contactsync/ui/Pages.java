package io.contactsync.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the pages say after a save, a refusal or a clash, the same way on every page. */
@Component
class Pages {

	private final Forms forms;

	Pages(Forms forms) {
		this.forms = forms;
	}

	/** A record named on a page, with the way to its card. */
	record Link(String label, String href) {
	}

	/**
	 * Kunde K00010, Kontakt KT000012: the records a save also changed or made, each a
	 * link to its card.
	 */
	List<Link> alsoUpdated(List<SyncEffects.Touched> touched, Locale locale) {
		return touched.stream()
			.map(record -> new Link(forms.message("record." + record.recordType(), locale) + " " + record.no(),
					cardOf(record.recordType(), record.no())))
			.toList();
	}

	static String cardOf(String recordType, String no) {
		return switch (recordType) {
			case "CUSTOMER" -> "/customers/" + no;
			case "VENDOR" -> "/vendors/" + no;
			case "BANK_ACCOUNT" -> "/bank-accounts/" + no;
			default -> "/contacts/" + no;
		};
	}

	/** After a save: what was saved and what else it changed, on the next page. */
	void saved(RedirectAttributes next, String message, List<SyncEffects.Touched> touched, Locale locale) {
		next.addFlashAttribute("saved", message);
		if (!touched.isEmpty()) {
			next.addFlashAttribute("alsoUpdated", alsoUpdated(touched, locale));
		}
	}

	/** An action refused: its reason, with each field's, on the page it came from. */
	void refused(RedirectAttributes next, ProblemException refused, Locale locale) {
		next.addFlashAttribute("problem", explained(refused, locale));
	}

	/**
	 * A form refused: the page is drawn again with what the user typed, the reason at the
	 * top, and each field's reason beside it; a clash with someone else's save offers a
	 * reload instead of overwriting.
	 * @return the field errors, by field
	 */
	Map<String, String> refusedForm(Model model, ProblemException refused, Locale locale, HttpServletRequest request) {
		if (refused instanceof Problems.VersionConflict) {
			model.addAttribute("conflict", forms.message("conflict.message", locale));
			model.addAttribute("reload", request.getRequestURI());
		}
		else {
			model.addAttribute("problem", forms.problem(refused, locale));
		}
		return forms.errors(refused, locale);
	}

	String explained(ProblemException refused, Locale locale) {
		String reason = forms.problem(refused, locale);
		if (refused.errors().isEmpty()) {
			return reason;
		}
		return reason + " "
				+ refused.errors()
					.stream()
					.map(error -> forms.label(error.field(), locale) + ": " + forms.say(error.message(), locale))
					.collect(Collectors.joining("; "));
	}

}
