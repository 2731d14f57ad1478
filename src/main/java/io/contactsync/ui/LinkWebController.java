package io.contactsync.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.contactsync.bankaccount.BankAccounts;
import io.contactsync.contact.Contacts;
import io.contactsync.customer.Customers;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import io.contactsync.purchasing.Vendors;
import io.contactsync.relation.Linking;
import io.contactsync.setup.LinkedRecordService;
import io.contactsync.setup.LinkedRecordType;
import io.contactsync.setup.SyncDirection;
import io.contactsync.setup.SyncFieldMap;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Link with existing" on the contact card: the customer, vendor or bank account is found
 * by its name (or number) as the user types; before linking the card shows, field by
 * field, which side's value will be overwritten, and after, which fields changed on which
 * side. The linking itself is the relation module's.
 */
@Controller
@RequestMapping("/contacts/{no}")
class LinkWebController {

	/** Enough candidates to choose from while typing, not a list to page through. */
	private static final int CANDIDATES = 10;

	/** One shared field whose values differ: what each side holds, and which one wins. */
	record Difference(String field, String label, String contactValue, String recordValue, boolean contactOverwritten) {
	}

	private final Contacts contacts;

	private final Map<LinkedRecordType, LinkedRecordService> records;

	private final SyncFieldMap syncFields;

	private final Linking linking;

	private final Forms forms;

	private final Pages pages;

	private final SyncEffects effects;

	LinkWebController(Contacts contacts, Customers customers, Vendors vendors, BankAccounts bankAccounts,
			SyncFieldMap syncFields, Linking linking, Forms forms, Pages pages, SyncEffects effects) {
		this.contacts = contacts;
		this.records = Map.of(LinkedRecordType.CUSTOMER, customers, LinkedRecordType.VENDOR, vendors,
				LinkedRecordType.BANK_ACCOUNT, bankAccounts);
		this.syncFields = syncFields;
		this.linking = linking;
		this.forms = forms;
		this.pages = pages;
		this.effects = effects;
	}

	/** The records of that type whose name or number matches what was typed. */
	@GetMapping("/link-candidates")
	String candidates(@PathVariable String no, @RequestParam(defaultValue = "CUSTOMER") LinkedRecordType type,
			@RequestParam(required = false) @Nullable String q, Model model) {
		String query = mayLink(type) ? Forms.blankAsNull(q) : null;
		model.addAttribute("candidates",
				query == null ? List.of() : records.get(type).list(query, CANDIDATES, null).items());
		model.addAttribute("searched", query != null);
		return "contacts/link :: candidates";
	}

	/**
	 * What linking would overwrite, field by field, with the side that keeps its values.
	 */
	@GetMapping("/link-preview")
	String preview(@PathVariable String no, @RequestParam(defaultValue = "CUSTOMER") LinkedRecordType type,
			@RequestParam(required = false) @Nullable String recordNo,
			@RequestParam(defaultValue = "CONTACT") Linking.MasterFields master, Model model, Locale locale) {
		String chosen = mayLink(type) ? Forms.blankAsNull(recordNo) : null;
		Row record = chosen == null ? null
				: records.get(type).find(chosen.strip().toUpperCase(Locale.ROOT)).orElse(null);
		model.addAttribute("record", record);
		model.addAttribute("type", type);
		model.addAttribute("differences",
				record == null ? List.of() : differences(contacts.get(no), record, type, master, locale));
		return "contacts/link :: preview";
	}

	@PostMapping("/link")
	String link(@PathVariable String no, @RequestParam LinkedRecordType type,
			@RequestParam(required = false) @Nullable String recordNo, @RequestParam Linking.MasterFields master,
			Locale locale, RedirectAttributes next) {
		if (Forms.blankAsNull(recordNo) == null) {
			next.addFlashAttribute("problem", forms.message("link.chooseRecord", locale));
			return "redirect:/contacts/" + no;
		}
		String linked = recordNo.strip().toUpperCase(Locale.ROOT);
		try {
			Row contactBefore = contacts.get(no);
			Row recordBefore = records.get(type).get(linked);
			SyncEffects.Outcome<String> done = effects.during(() -> {
				Linking.requireWriter(type);
				linking.link(no, type, linked, master);
				return forms.message("linked." + type.name(), locale, linked);
			});
			pages.saved(next, done.result(), done.changedBesides("CONTACT", no), locale);
			next.addFlashAttribute("linkChanges",
					List.of(changed("CONTACT", no, contactBefore, contacts.get(no), type, locale),
							changed(type.name(), linked, recordBefore, records.get(type).get(linked), type, locale)));
		}
		catch (ProblemException refused) {
			pages.refused(next, refused, locale);
		}
		return "redirect:/contacts/" + no;
	}

	/**
	 * Only a user who may link a kind of record is shown its records here: a seller does
	 * not search bank accounts.
	 */
	private static boolean mayLink(LinkedRecordType type) {
		try {
			Linking.requireWriter(type);
			return true;
		}
		catch (Problems.Forbidden notAllowed) {
			return false;
		}
	}

	/**
	 * The shared fields whose values differ: where the contact's details are kept, the
	 * record's are overwritten where the sync carries a field to the record; where the
	 * record's are kept, the contact's where it carries one to the contact.
	 */
	private List<Difference> differences(Row contact, Row record, LinkedRecordType type, Linking.MasterFields master,
			Locale locale) {
		List<Difference> differences = new ArrayList<>();
		syncFields.directions().get(type).forEach((field, direction) -> {
			boolean carried = master == Linking.MasterFields.CONTACT ? direction.toRecord() : direction.toContact();
			String contactValue = Forms.shown(field, contact.get(field), locale);
			String recordValue = Forms.shown(field, record.get(field), locale);
			if (direction != SyncDirection.NONE && carried && !contactValue.equals(recordValue)) {
				differences.add(new Difference(field, forms.label(field, locale), contactValue, recordValue,
						master == Linking.MasterFields.LINKED_RECORD));
			}
		});
		return differences;
	}

	/**
	 * "Contact KT000012: City, Phone" — the shared fields one side changed when linked.
	 */
	private String changed(String recordType, String no, Row before, Row after, LinkedRecordType type, Locale locale) {
		List<String> fields = syncFields.directions()
			.get(type)
			.keySet()
			.stream()
			.filter(field -> !Objects.equals(Forms.shown(field, before.get(field), locale),
					Forms.shown(field, after.get(field), locale)))
			.map(field -> forms.label(field, locale))
			.toList();
		String record = forms.message("record." + recordType, locale) + " " + no;
		return fields.isEmpty() ? forms.message("link.unchanged", locale, record)
				: forms.message("link.changed", locale, record, String.join(", ", fields));
	}

}
