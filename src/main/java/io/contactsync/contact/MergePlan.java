package io.contactsync.contact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Field;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.Table;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.LinkedRecordType;
import org.jspecify.annotations.Nullable;

/**
 * What a merge request asks for, checked: 2 to 10 different contacts of one type (people
 * of one company), the survivor among them, and for each field the contact whose value
 * survives, the survivor's where none is chosen (docs/merge.md, "The request").
 */
record MergePlan(Row survivor, List<Row> merged, List<ContactMerges.FieldValues> fields,
		Map<String, @Nullable Object> changes, Map<String, String> keepLinks, Set<String> mergeRecords) {

	static final int MAX_CONTACTS = 10;

	/** The linked records that can be merged with the contacts (docs/merge.md). */
	private static final List<String> MERGEABLE_RECORDS = List.of(LinkedRecordType.CUSTOMER.name(),
			LinkedRecordType.VENDOR.name());

	/** What a merge never takes from another contact: keys and what is derived. */
	private static final Set<String> NOT_CHOSEN = Set.of("no", "type", "companyNo", "companyName",
			"contactBusinessRelation", "lastModifiedAt");

	/** A person's name is whole and in parts: one choice takes all four. */
	private static final List<String> PERSON_NAME = List.of("name", "firstName", "middleName", "surname");

	/** The numbers of a request, checked and upper-cased: the survivor first. */
	static List<String> numbers(ContactMerges.Request request) {
		if (request.survivorNo() == null || request.survivorNo().isBlank()) {
			throw new Problems.ValidationFailed("survivorNo", "invalid.required");
		}
		String survivor = request.survivorNo().toUpperCase(Locale.ROOT);
		Set<String> nos = new LinkedHashSet<>();
		nos.add(survivor);
		for (String no : request.contactNos() == null ? List.<String>of() : request.contactNos()) {
			if (no == null || no.isBlank()) {
				throw new Problems.ValidationFailed("contactNos", "invalid.required");
			}
			nos.add(no.toUpperCase(Locale.ROOT));
		}
		if (request.contactNos() != null
				&& !request.contactNos().stream().map(no -> no.toUpperCase(Locale.ROOT)).toList().contains(survivor)) {
			throw new Problems.ValidationFailed("survivorNo", "invalid.survivorNotListed", survivor);
		}
		if (nos.size() < 2 || nos.size() > MAX_CONTACTS) {
			throw new Problems.ValidationFailed("contactNos", "invalid.mergeCount", Integer.toString(MAX_CONTACTS));
		}
		return List.copyOf(nos);
	}

	/**
	 * Checks the contacts read (the survivor first) against the request, and works out
	 * the survivor's values.
	 */
	static MergePlan of(Table table, ContactMerges.Request request, List<Row> contacts) {
		Row survivor = contacts.get(0);
		List<Row> merged = contacts.subList(1, contacts.size());
		checkVersions(request, contacts);
		for (Row contact : merged) {
			if (!Objects.equals(contact.text("type"), survivor.text("type"))) {
				throw new Problems.ValidationFailed("contactNos", "invalid.mergeTypes", contact.text("no"),
						survivor.text("no"));
			}
			if (ContactType.PERSON.is(survivor.text("type"))
					&& !Objects.equals(contact.text("companyNo"), survivor.text("companyNo"))) {
				throw new Problems.ValidationFailed("contactNos", "invalid.mergeCompanies", contact.text("no"),
						survivor.text("no"));
			}
		}
		Map<String, String> chosen = chosenFields(table, request, contacts,
				ContactType.PERSON.is(survivor.text("type")));
		List<ContactMerges.FieldValues> fields = new ArrayList<>();
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		for (Field field : table.fields()) {
			String name = field.name();
			if (NOT_CHOSEN.contains(name) || field.isReadOnly()) {
				continue;
			}
			Map<String, @Nullable String> values = new LinkedHashMap<>();
			contacts.forEach(contact -> values.put(contact.text("no"), contact.text(name)));
			String from = chosen.getOrDefault(name, survivor.text("no"));
			Row source = contacts.stream().filter(c -> from.equals(c.text("no"))).findFirst().orElseThrow();
			fields.add(new ContactMerges.FieldValues(name, values, source.text(name), from));
			if (!Objects.equals(source.get(name), survivor.get(name))) {
				changes.put(name, source.get(name));
			}
		}
		Map<String, String> keepLinks = keepLinks(request);
		return new MergePlan(survivor, List.copyOf(merged), fields, changes, keepLinks,
				mergeRecords(request, keepLinks));
	}

	private static void checkVersions(ContactMerges.Request request, List<Row> contacts) {
		if (request.versions() == null) {
			return;
		}
		for (Row contact : contacts) {
			Long seen = request.versions().get(contact.text("no"));
			if (seen != null && seen != contact.version()) {
				throw new Problems.VersionConflict(Problems.kindName("CONTACT"), contact.text("no"), contact.version());
			}
		}
	}

	private static Map<String, String> chosenFields(Table table, ContactMerges.Request request, List<Row> contacts,
			boolean person) {
		Map<String, String> chosen = new LinkedHashMap<>();
		if (request.fields() == null) {
			return chosen;
		}
		List<String> nos = contacts.stream().map(c -> c.text("no")).toList();
		List<FieldError> errors = new ArrayList<>();
		request.fields().forEach((field, contactNo) -> {
			String no = contactNo == null ? "" : contactNo.toUpperCase(Locale.ROOT);
			boolean known = table.field(field)
				.filter(f -> !f.isReadOnly() && !NOT_CHOSEN.contains(f.name()))
				.isPresent();
			if (!known) {
				errors.add(new FieldError("fields." + field, "invalid.mergeField", field));
			}
			else if (!nos.contains(no)) {
				errors.add(new FieldError("fields." + field, "invalid.mergeFieldContact", no));
			}
			else if (person && PERSON_NAME.contains(field)) {
				PERSON_NAME.forEach(part -> chosen.put(part, no));
			}
			else {
				chosen.put(field, no);
			}
		});
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		return chosen;
	}

	private static Map<String, String> keepLinks(ContactMerges.Request request) {
		Map<String, String> keep = new LinkedHashMap<>();
		if (request.keepLinks() == null) {
			return keep;
		}
		List<FieldError> errors = new ArrayList<>();
		List<String> types = Arrays.stream(LinkedRecordType.values()).map(Enum::name).toList();
		request.keepLinks().forEach((type, recordNo) -> {
			boolean known = types.contains(type);
			if (!known) {
				errors.add(new FieldError("keepLinks." + type, "invalid.oneOf", String.join(", ", types)));
			}
			else if (recordNo == null || recordNo.isBlank()) {
				errors.add(new FieldError("keepLinks." + type, "invalid.required"));
			}
			else {
				keep.put(type, recordNo.toUpperCase(Locale.ROOT));
			}
		});
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		return keep;
	}

	/**
	 * The link types whose other records are merged into the kept one: customers and
	 * vendors, and only where the request says which record stays. Two bank accounts are
	 * two accounts, whatever their holders: they are unlinked, never merged.
	 */
	private static Set<String> mergeRecords(ContactMerges.Request request, Map<String, String> keepLinks) {
		Set<String> types = new LinkedHashSet<>();
		if (request.mergeRecords() == null) {
			return types;
		}
		List<FieldError> errors = new ArrayList<>();
		for (String type : request.mergeRecords()) {
			if (type == null || !MERGEABLE_RECORDS.contains(type)) {
				errors.add(new FieldError("mergeRecords", "invalid.oneOf", String.join(", ", MERGEABLE_RECORDS)));
			}
			else if (!keepLinks.containsKey(type)) {
				errors.add(new FieldError("keepLinks." + type, "invalid.mergeRecordsKeep", type));
			}
			else {
				types.add(type);
			}
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		return types;
	}

}
