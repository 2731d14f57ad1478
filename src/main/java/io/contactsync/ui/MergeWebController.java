package io.contactsync.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.contact.ContactMerges;
import io.contactsync.platform.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Merging contacts in the web UI (docs/merge.md): the preview, field by field with a
 * choice per field and of the survivor, what moves and what conflicts; the merge; and its
 * undo, offered on the survivor's card right after. Choices travel as form fields:
 * {@code nos}, {@code survivor}, {@code field.<name>} = the contact whose value is taken,
 * {@code keep.<TYPE>} = the record whose link stays, {@code mergeRecords} = a type whose
 * other records are merged into the kept one, {@code version.<no>}.
 */
@Controller
@RequestMapping("/contacts")
class MergeWebController {

	private final ContactMerges merges;

	private final Forms forms;

	private final Pages pages;

	MergeWebController(ContactMerges merges, Forms forms, Pages pages) {
		this.merges = merges;
		this.forms = forms;
		this.pages = pages;
	}

	@GetMapping("/merge")
	String preview(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			RedirectAttributes next) {
		List<String> nos = form.getOrDefault("nos", List.of());
		if (nos.isEmpty()) {
			return "redirect:/contacts";
		}
		try {
			ContactMerges.Preview preview = merges.preview(request(form, false));
			model.addAttribute("preview", preview);
			model.addAttribute("labels", labels(preview, locale));
			// What was chosen for conflicts the preview no longer shows (it has none once
			// a link to keep is chosen): carried on to the merge.
			model.addAttribute("keep", keep(form));
			model.addAttribute("mergeRecords", form.getOrDefault("mergeRecords", List.of()));
			model.addAttribute("active", "contacts");
			return "contacts/merge";
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/contacts/" + nos.get(0);
		}
	}

	/**
	 * The preview again, with the choices made on it (sent as a form, not in the URL).
	 */
	@PostMapping("/merge/preview")
	String previewAgain(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			RedirectAttributes next) {
		return preview(form, model, locale, next);
	}

	@PostMapping("/merge")
	String merge(@RequestParam MultiValueMap<String, String> form, Locale locale, RedirectAttributes next) {
		if (form.getOrDefault("nos", List.of()).isEmpty()) {
			return "redirect:/contacts";
		}
		try {
			ContactMerges.Done done = merges.merge(request(form, true));
			next.addFlashAttribute("saved",
					forms.message("merge.done", locale, String.join(", ", done.mergedNos()), done.survivorNo()));
			next.addFlashAttribute("mergeId", done.mergeId());
			return "redirect:/contacts/" + done.survivorNo();
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			UriComponentsBuilder again = UriComponentsBuilder.fromPath("/contacts/merge");
			form.forEach((name, values) -> {
				if (!name.startsWith("version.") && !name.equals("_csrf")) {
					values.forEach(value -> again.queryParam(name, value));
				}
			});
			return "redirect:" + again.encode().build().toUriString();
		}
	}

	@PostMapping("/merges/{id}/undo")
	String undo(@PathVariable long id, Locale locale, RedirectAttributes next) {
		try {
			ContactMerges.Undone undone = merges.undo(id);
			next.addFlashAttribute("saved",
					forms.message("merge.undone", locale, String.join(", ", undone.restored())));
			if (!undone.notRestored().isEmpty()) {
				next.addFlashAttribute("problem", forms.message("merge.notRestored", locale, String.join(", ",
						undone.notRestored().stream().map(n -> kind(n.kind(), locale) + " " + n.key()).toList())));
			}
			return "redirect:/contacts/" + undone.survivorNo();
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
			return "redirect:/contacts";
		}
	}

	private static ContactMerges.Request request(MultiValueMap<String, String> form, boolean withVersions) {
		List<String> nos = form.getOrDefault("nos", List.of());
		String survivor = Forms.blankAsNull(form.getFirst("survivor"));
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> keep = keep(form);
		Map<String, Long> versions = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			String value = values.isEmpty() ? null : Forms.blankAsNull(values.get(0));
			if (value == null) {
				return;
			}
			if (name.startsWith("field.")) {
				fields.put(name.substring("field.".length()), value);
			}
			else if (withVersions && name.startsWith("version.")) {
				try {
					versions.put(name.substring("version.".length()), Long.parseLong(value));
				}
				catch (NumberFormatException ex) {
					// A version that is no number is no version seen: the merge goes by
					// what is stored.
				}
			}
		});
		List<String> mergeRecords = form.getOrDefault("mergeRecords", List.of())
			.stream()
			.filter(type -> !type.isBlank())
			.distinct()
			.toList();
		return new ContactMerges.Request(new ArrayList<>(nos), survivor != null ? survivor : nos.get(0), fields, keep,
				versions, mergeRecords);
	}

	/** By link type, the record whose link stays: the form's {@code keep.<TYPE>}. */
	private static Map<String, String> keep(MultiValueMap<String, String> form) {
		Map<String, String> keep = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			String value = values.isEmpty() ? null : Forms.blankAsNull(values.get(0));
			if (value != null && name.startsWith("keep.")) {
				keep.put(name.substring("keep.".length()), value);
			}
		});
		return keep;
	}

	/** The words of the page: each field by its card label, each kind of move by name. */
	private Map<String, String> labels(ContactMerges.Preview preview, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		preview.fields().forEach(field -> labels.put(field.field(), forms.label(field.field(), locale)));
		preview.moves().forEach(move -> labels.put(move.kind(), kind(move.kind(), locale)));
		return labels;
	}

	private String kind(String kind, Locale locale) {
		return forms.message("merge.kind." + kind, locale);
	}

}
