package io.contactsync.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Row;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The data checks of contacts, customers, vendors and bank accounts (docs/rules.md,
 * "Checked data"), run on the write path of each ({@code ContactRules},
 * {@link LinkedRecordLife}): phone numbers are normalised to E.164 beside the number as
 * typed, and the values a write changes are checked. A failing value is refused, or saved
 * with a warning, as marketing setup says for its check. A value the application carries
 * from another record (the sync, a contact made from a customer) passed the same checks
 * there and is never refused again; its findings show as warnings like any other.
 */
@Component
public class DataChecks {

	private final SetupApi setup;

	private final MessageSource messages;

	DataChecks(SetupApi setup, MessageSource messages) {
		this.setup = setup;
		this.messages = messages;
	}

	/**
	 * Normalises the phone numbers of a record about to be written and refuses the write
	 * when a changed value fails a check set to REFUSE.
	 * @param values every field's value after the change; the E.164 fields are filled in
	 * @param current the record before the change; null for a new one, whose every value
	 * is checked
	 * @param refusing false for values carried from a record that was checked already
	 * @param ownRules the rules of the record's fields the values break, so that a
	 * refusal names every field at once
	 * @throws Refused when a value fails a check that refuses
	 */
	public void check(Map<String, @Nullable Object> values, @Nullable Row current, boolean refusing,
			Supplier<List<FieldError>> ownRules) {
		normalise(values, current);
		if (!refusing) {
			return;
		}
		Row marketing = setup.marketing();
		List<Finding> refused = findings(values, current).stream()
			.filter(finding -> DataCheck.REFUSE.equals(marketing.text(finding.check().settingName())))
			.toList();
		if (!refused.isEmpty()) {
			List<FieldError> errors = new ArrayList<>(ownRules.get());
			// A value that breaks its field's own rule (letters in a phone number) is
			// reported once, by that rule.
			Set<String> broken = errors.stream().map(FieldError::field).collect(Collectors.toSet());
			refused = refused.stream().filter(finding -> !broken.contains(finding.field())).toList();
			refused.forEach(finding -> errors.add(new FieldError(finding.field(), said(finding))));
			throw new Refused(errors, refused);
		}
	}

	/**
	 * Keeps the E.164 form beside each phone number that a change sets, or whose country
	 * changes; empty for a number that cannot be read.
	 */
	public void normalise(Map<String, @Nullable Object> values, @Nullable Row current) {
		boolean countryChanged = current != null
				&& !Objects.equals(current.get("countryRegionCode"), values.get("countryRegionCode"));
		String region = null;
		for (String field : ContactDetails.PHONE_FIELDS) {
			if (!values.containsKey(field)) {
				continue;
			}
			String e164 = ContactDetails.normalisedField(field);
			// Written once the number or its country changes; and where a number has no
			// E.164 form yet (rows older than the checks), at the record's next write.
			boolean missing = text(values.get(e164)).isEmpty() && !text(values.get(field)).isBlank();
			if (current != null && !countryChanged && Objects.equals(current.get(field), values.get(field))
					&& !missing) {
				continue;
			}
			region = region != null ? region : ValueChecks.region(values.get("countryRegionCode"));
			values.put(e164, ValueChecks.e164(text(values.get(field)), region));
		}
	}

	/**
	 * What a record's values fail, whatever the settings say: for a changed record only
	 * the values the change sets, so that old data does not stand in the way of other
	 * changes.
	 * @param current the record before the change, or null for all values
	 */
	public List<Finding> findings(Map<String, @Nullable Object> values, @Nullable Row current) {
		List<Finding> findings = new ArrayList<>();
		String region = null;
		for (String field : ContactDetails.PHONE_FIELDS) {
			if (changed(field, values, current)) {
				region = region != null ? region : ValueChecks.region(values.get("countryRegionCode"));
				add(findings, ValueChecks.phone(field, text(values.get(field)), region));
			}
		}
		if (changed("email", values, current)) {
			findings.addAll(ValueChecks.emails("email", text(values.get("email"))));
		}
		if (changed("vatRegistrationNo", values, current)) {
			add(findings, ValueChecks.vatRegistrationNo("vatRegistrationNo", text(values.get("vatRegistrationNo")),
					values.get("countryRegionCode")));
		}
		if (changed("iban", values, current)) {
			add(findings, ValueChecks.iban("iban", text(values.get("iban"))));
		}
		if (changed("swiftCode", values, current)) {
			add(findings, ValueChecks.bic("swiftCode", text(values.get("swiftCode"))));
		}
		return findings;
	}

	/** The warnings of a stored record: each value that fails a check. */
	public List<FieldError> warnings(Row record) {
		return findings(record.values(), null).stream()
			.map(finding -> new FieldError(finding.field(), said(finding)))
			.toList();
	}

	/** A finding as a message, to be said in the reader's language. */
	private static Message said(Finding finding) {
		return Message.of(finding.message(), finding.arguments().toArray());
	}

	/**
	 * A record's answer with its {@code warnings}, when it has any: each value that fails
	 * a check, as {@code {field, message}} (docs/rest.md, "Warnings"), in the language of
	 * the request.
	 */
	public JsonNode withWarnings(JsonNode json, Row record) {
		List<FieldError> warnings = warnings(record);
		if (!warnings.isEmpty() && json instanceof ObjectNode object) {
			ArrayNode list = object.putArray("warnings");
			warnings.forEach(warning -> list.addObject()
				.put("field", warning.field())
				.put("message", messages.getMessage(warning.message(), LocaleContextHolder.getLocale())));
		}
		return json;
	}

	/** What to tell the user of a finding, in their language. */
	public String message(Finding finding, Locale locale) {
		return messages.getMessage(finding.message(), finding.arguments().toArray(), finding.message(), locale);
	}

	/**
	 * The number that identifies a company, for duplicate search: the nine digits of a
	 * Norwegian organisation or VAT number, whichever form it was written in.
	 */
	public static String organisationNumber(@Nullable String vatRegistrationNo, @Nullable Object countryRegionCode) {
		return vatRegistrationNo == null ? "" : ValueChecks.organisationNumber(vatRegistrationNo, countryRegionCode);
	}

	private static boolean changed(String field, Map<String, @Nullable Object> values, @Nullable Row current) {
		return values.containsKey(field) && (current == null || !Objects.equals(current.get(field), values.get(field)));
	}

	private static void add(List<Finding> findings, @Nullable Finding finding) {
		if (finding != null) {
			findings.add(finding);
		}
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

	/**
	 * A write refused because values fail checks that refuse: 422 VALIDATION_FAILED,
	 * naming each field, like any other broken rule.
	 */
	public static final class Refused extends ProblemException {

		private final List<Finding> findings;

		Refused(List<FieldError> errors, List<Finding> findings) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", Problems.summary(errors), errors);
			this.findings = List.copyOf(findings);
		}

		/** The failed checks, for a page to say them in its language. */
		public List<Finding> findings() {
			return findings;
		}

	}

}
