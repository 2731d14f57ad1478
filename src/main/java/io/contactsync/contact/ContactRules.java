package io.contactsync.contact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.contactsync.platform.Message;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Records;
import io.contactsync.platform.table.Row;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.DataChecks;
import io.contactsync.setup.PostCodeLookup;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules of a contact's values, applied before each write: a company is its own
 * company; a person's name is kept whole and in parts, and a person takes its company's
 * name and what marketing setup says it inherits when it joins; a post code fills city
 * and county; phone numbers are kept in E.164 too, and e-mail and VAT numbers checked
 * (docs/rules.md, "Records and contacts", "Person inheritance", "Checked data").
 */
final class ContactRules {

	private final Records records;

	private final JdbcClient jdbc;

	private final SetupApi setup;

	private final PostCodeLookup postCodes;

	private final DataChecks checks;

	ContactRules(Records records, JdbcClient jdbc, SetupApi setup, PostCodeLookup postCodes, DataChecks checks) {
		this.records = records;
		this.jdbc = jdbc;
		this.setup = setup;
		this.postCodes = postCodes;
		this.checks = checks;
	}

	/**
	 * The data checks, last of the rules, on the values as they will be written: phone
	 * numbers normalised, and a value the user gave that fails a check refused where
	 * setup says so (docs/rules.md, "Checked data").
	 * @param current the contact before the change; null for a new one
	 * @param typed the fields the user gave, whose values may be refused; none for values
	 * carried from a record, or inherited from a company, checked there already
	 */
	void check(Map<String, @Nullable Object> values, @Nullable Row current, Set<String> typed) {
		checks.check(values, current, typed, () -> records.brokenRules(values));
	}

	/** Fills and checks the values of a new contact, whose number is chosen. */
	void fillNew(Map<String, @Nullable Object> values) {
		fillNew(values, this::requireCompany);
	}

	/**
	 * {@link #fillNew} for many new contacts, reading the companies of all the new people
	 * with one query.
	 */
	void fillNewAll(List<Map<String, @Nullable Object>> all) {
		String[] companyNos = all.stream()
			.filter(ContactRules::isPerson)
			.map(values -> (String) values.get("companyNo"))
			.filter(Objects::nonNull)
			.distinct()
			.toArray(String[]::new);
		Map<String, Row> companies = new HashMap<>();
		if (companyNos.length > 0) {
			jdbc.sql("SELECT * FROM contact WHERE no = ANY(?) AND type = 'COMPANY'")
				.param(companyNos)
				.query(records.rows())
				.list()
				.forEach(company -> companies.put(company.text("no"), company));
		}
		for (Map<String, @Nullable Object> values : all) {
			fillNew(values, companyNo -> {
				Row company = companies.get(companyNo);
				if (company == null) {
					throw new CompanyContactRequired("companyNo", Message.of("invalid.companyNo", companyNo));
				}
				return company;
			});
		}
	}

	private void fillNew(Map<String, @Nullable Object> values, Function<String, Row> companies) {
		if (values.get("type") == null) {
			values.put("type", ContactType.COMPANY.name());
		}
		if (isPerson(values)) {
			reconcileName(values,
					Stream.of("name", "firstName", "middleName", "surname")
						.filter(field -> !isBlank(values.get(field)))
						.collect(Collectors.toSet()));
			String companyNo = (String) values.get("companyNo");
			if (companyNo != null) {
				Row company = companies.apply(companyNo);
				values.put("companyName", company.text("name"));
				// A new person has no relation of its own yet: it shows its company's
				// (docs/rules.md, "Business relation summary").
				values.put("contactBusinessRelation", company.get("contactBusinessRelation"));
				PersonInheritance.attach(setup.marketing(), values, null, company, true);
			}
		}
		else {
			values.put("companyNo", values.get("no"));
			values.put("companyName", values.get("name"));
		}
		PersonName.require(values.get("name"), isPerson(values));
		postCodes.fillNew(values);
	}

	/**
	 * Fills and checks a contact's values after a change: its name whole and in parts,
	 * its company and what it inherits on joining one, city and county from a new post
	 * code.
	 * @param values every field's value after the change
	 * @param changed the fields the change named
	 */
	void fillChanged(Row current, Map<String, @Nullable Object> values, Set<String> changed) {
		if (isPerson(values)) {
			if (ContactType.COMPANY.is(current.text("type"))) {
				if (hasPeople(current.text("no"))) {
					throw new CompanyContactRequired("type",
							Message.of("invalid.companyHasPeople", current.text("no")));
				}
				if (!changed.contains("companyNo")) {
					values.put("companyNo", null);
				}
			}
			reconcileName(values, changed);
			String companyNo = (String) values.get("companyNo");
			String oldCompanyNo = ContactType.PERSON.is(current.text("type")) ? current.text("companyNo") : null;
			if (companyNo == null) {
				values.put("companyName", "");
			}
			else if (!companyNo.equals(oldCompanyNo)) {
				Row company = requireCompany(companyNo);
				if (companyNo.equals(values.get("no"))) {
					throw new CompanyContactRequired("companyNo", Message.of("invalid.ownCompany"));
				}
				values.put("companyName", company.text("name"));
				Row oldCompany = oldCompanyNo == null ? null : records.find(oldCompanyNo).orElse(null);
				PersonInheritance.attach(setup.marketing(), values, oldCompany, company, false);
			}
		}
		else {
			if (ContactType.PERSON.is(current.text("type")) && changed.contains("companyNo")
					&& values.get("companyNo") != null) {
				throw new Problems.ValidationFailed("companyNo", "invalid.companyOnlyForPerson");
			}
			values.put("companyNo", values.get("no"));
			values.put("companyName", values.get("name"));
		}
		PersonName.require(values.get("name"), isPerson(values));
		postCodes.fillChanged(current, values);
	}

	/**
	 * A person's name is built from its parts when only they changed, and split when only
	 * it did.
	 */
	private static void reconcileName(Map<String, @Nullable Object> values, Set<String> changed) {
		boolean partsChanged = changed.contains("firstName") || changed.contains("middleName")
				|| changed.contains("surname");
		boolean nameChanged = changed.contains("name") && !isBlank(values.get("name"));
		if (partsChanged && !nameChanged) {
			values.put("name",
					new PersonName(text(values, "firstName"), text(values, "middleName"), text(values, "surname"))
						.joined());
		}
		else if (nameChanged && !partsChanged) {
			PersonName parts = PersonName.split(text(values, "name"));
			values.put("firstName", parts.firstName());
			values.put("middleName", parts.middleName());
			values.put("surname", parts.surname());
		}
	}

	private Row requireCompany(String companyNo) {
		return records.findLatest(companyNo)
			.filter(company -> ContactType.COMPANY.is(company.text("type")))
			.orElseThrow(() -> new CompanyContactRequired("companyNo", Message.of("invalid.companyNo", companyNo)));
	}

	static boolean isPerson(Map<String, @Nullable Object> values) {
		return ContactType.PERSON.is(values.get("type"));
	}

	static boolean isBlank(@Nullable Object value) {
		return value == null || value.toString().isBlank();
	}

	private static String text(Map<String, @Nullable Object> values, String field) {
		Object value = values.get(field);
		return value == null ? "" : value.toString();
	}

	private boolean hasPeople(String companyNo) {
		return jdbc.sql("SELECT 1 FROM contact WHERE company_no = ? AND type = 'PERSON' LIMIT 1")
			.param(companyNo)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

}
