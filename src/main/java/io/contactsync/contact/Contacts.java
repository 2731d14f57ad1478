package io.contactsync.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.contactsync.numbering.NumberSeries;
import io.contactsync.numbering.NumberSeriesProblems.NumberSeriesMissing;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.RecordService;
import io.contactsync.platform.table.Row;
import io.contactsync.platform.table.TableJson;
import io.contactsync.platform.table.TableStore;
import io.contactsync.setup.ContactType;
import io.contactsync.setup.PostCodeLookup;
import io.contactsync.setup.SetupApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts: companies and their people. Keeps a person's name whole and in parts, its
 * company's name, and what it inherits from its company (docs/rules.md, "Records and
 * contacts", "Person inheritance").
 */
@Service
public class Contacts extends RecordService {

	/** How the change log and the change events name a contact. */
	public static final String RECORD_TYPE = "CONTACT";

	private final SetupApi setup;

	private final NumberSeries numberSeries;

	private final ApplicationEventPublisher events;

	private final PostCodeLookup postCodes;

	Contacts(TableStore store, JdbcClient jdbc, SetupApi setup, NumberSeries numberSeries,
			ApplicationEventPublisher events, PostCodeLookup postCodes) {
		super(store, ContactTable.TABLE, jdbc);
		this.setup = setup;
		this.numberSeries = numberSeries;
		this.events = events;
		this.postCodes = postCodes;
	}

	/**
	 * Creates a contact typed in by a user: besides what it inherits from its company, it
	 * takes marketing setup's defaults where it is still empty.
	 */
	@Override
	@Transactional
	public Row create(JsonNode body) {
		Map<String, @Nullable Object> values = TableJson.read(table, body, TableJson.Mode.CREATE);
		prepareNew(values);
		Row marketing = setup.marketing();
		fillIfEmpty(values, "languageCode", marketing.text("defaultLanguageCode"));
		fillIfEmpty(values, "countryRegionCode", marketing.text("defaultCountryRegionCode"));
		fillIfEmpty(values, "salespersonCode", marketing.text("defaultSalespersonCode"));
		fillIfEmpty(values, "territoryCode", marketing.text("defaultTerritoryCode"));
		return createdAsStored(insert(values));
	}

	@Transactional(readOnly = true)
	public Page<Row> list(@Nullable String type, @Nullable String companyNo, @Nullable String businessRelation,
			@Nullable String query, @Nullable Integer limit, @Nullable String cursor) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (type != null) {
			requireOneOf("type", type, ContactTable.TYPES);
			conditions.add("type = :type");
			params.put("type", type);
		}
		if (companyNo != null) {
			conditions.add("company_no = :companyNo");
			params.put("companyNo", companyNo.toUpperCase(Locale.ROOT));
		}
		if (businessRelation != null) {
			requireOneOf("businessRelation", businessRelation, ContactTable.BUSINESS_RELATIONS);
			conditions.add("contact_business_relation = :relation");
			params.put("relation", businessRelation);
		}
		return list(conditions, params, limit, cursor, query);
	}

	/** The people of a company, by number. */
	@Transactional(readOnly = true)
	public List<String> peopleOf(String companyNo) {
		return jdbc.sql("SELECT no FROM contact WHERE company_no = ? AND type = 'PERSON' ORDER BY no")
			.param(companyNo)
			.query(String.class)
			.list();
	}

	/**
	 * Records the contact's business relation summary (docs/rules.md, "Business relation
	 * summary"). It is derived from the relations, which are logged themselves, so it
	 * neither moves the version nor the log.
	 */
	@Transactional
	public void showBusinessRelation(String no, String summary) {
		jdbc.sql("UPDATE contact SET contact_business_relation = ? WHERE no = ? AND contact_business_relation <> ?")
			.params(summary, no, summary)
			.update();
	}

	/** {@link #showBusinessRelation} for many contacts with the same summary. */
	@Transactional
	public void showBusinessRelation(List<String> nos, String summary) {
		jdbc.sql(
				"UPDATE contact SET contact_business_relation = ? WHERE no = ANY(?) AND contact_business_relation <> ?")
			.params(summary, nos.toArray(String[]::new), summary)
			.update();
	}

	@Override
	protected String numberFor(@Nullable String givenNo) {
		Optional<String> series = Optional.ofNullable(setup.marketing().text("contactNos"));
		if (givenNo != null) {
			series.ifPresent(code -> numberSeries.checkManualNo(code, "contact", givenNo));
			return givenNo;
		}
		return numberSeries.next(
				series.orElseThrow(() -> new NumberSeriesMissing("contacts", "contactNos in marketing setup")),
				this::held);
	}

	@Override
	protected List<String> numbersFor(int count) {
		String series = Optional.ofNullable(setup.marketing().text("contactNos"))
			.orElseThrow(() -> new NumberSeriesMissing("contacts", "contactNos in marketing setup"));
		return numberSeries.next(series, count, this::held);
	}

	@Override
	protected void prepareNew(Map<String, @Nullable Object> values) {
		prepareNew(values, this::requireCompany);
	}

	/** Reads the companies of all the new people with one query. */
	@Override
	protected void prepareNewAll(List<Map<String, @Nullable Object>> all) {
		String[] companyNos = all.stream()
			.filter(Contacts::isPerson)
			.map(values -> (String) values.get("companyNo"))
			.filter(Objects::nonNull)
			.distinct()
			.toArray(String[]::new);
		Map<String, Row> companies = new HashMap<>();
		if (companyNos.length > 0) {
			jdbc.sql("SELECT * FROM contact WHERE no = ANY(?) AND type = 'COMPANY'")
				.param(companyNos)
				.query(store.rows(table))
				.list()
				.forEach(company -> companies.put(company.text("no"), company));
		}
		for (Map<String, @Nullable Object> values : all) {
			prepareNew(values, companyNo -> {
				Row company = companies.get(companyNo);
				if (company == null) {
					throw new CompanyContactRequired("companyNo",
							"companyNo must name a company contact; " + companyNo + " is none");
				}
				return company;
			});
		}
	}

	private void prepareNew(Map<String, @Nullable Object> values, Function<String, Row> companies) {
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

	@Override
	protected void prepareUpdate(Row current, Map<String, @Nullable Object> values, Set<String> changed) {
		if (isPerson(values)) {
			if (ContactType.COMPANY.is(current.text("type"))) {
				if (!peopleOf(current.text("no")).isEmpty()) {
					throw new CompanyContactRequired("type",
							"Company " + current.text("no") + " has people; move them first, then make it a person.");
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
					throw new CompanyContactRequired("companyNo", "A person cannot be its own company.");
				}
				values.put("companyName", company.text("name"));
				Row oldCompany = oldCompanyNo == null ? null : find(oldCompanyNo).orElse(null);
				PersonInheritance.attach(setup.marketing(), values, oldCompany, company, false);
			}
		}
		else {
			if (ContactType.PERSON.is(current.text("type")) && changed.contains("companyNo")
					&& values.get("companyNo") != null) {
				throw new Problems.ValidationFailed("companyNo", "only a person belongs to a company");
			}
			values.put("companyNo", values.get("no"));
			values.put("companyName", values.get("name"));
		}
		PersonName.require(values.get("name"), isPerson(values));
		postCodes.fillChanged(current, values);
	}

	/**
	 * A company's change reaches its people where they still had the company's old value
	 * (docs/rules.md, "Person inheritance").
	 */
	@Override
	protected void afterUpdate(Row before, Row after) {
		if (!ContactType.COMPANY.is(after.text("type")) || !ContactType.COMPANY.is(before.text("type"))) {
			return;
		}
		List<String> inherited = PersonInheritance.fields(setup.marketing());
		for (String personNo : peopleOf(after.text("no"))) {
			Row person = store.lock(table, List.of(personNo));
			Map<String, @Nullable Object> changes = new LinkedHashMap<>();
			if (!Objects.equals(before.text("name"), after.text("name"))) {
				changes.put("companyName", after.text("name"));
			}
			for (String field : inherited) {
				Object old = before.get(field);
				Object now = after.get(field);
				if (!Objects.equals(old, now) && Objects.equals(person.get(field), old)) {
					changes.put(field, now);
				}
			}
			if (!changes.isEmpty()) {
				Map<String, @Nullable Object> values = person.copyValues();
				values.putAll(changes);
				store.update(table, person, values);
			}
		}
	}

	@Override
	protected void beforeDelete(Row row) {
		if (ContactType.COMPANY.is(row.text("type"))) {
			for (String personNo : peopleOf(row.text("no"))) {
				Row person = store.lock(table, List.of(personNo));
				beforeDelete(person);
				store.delete(table, person);
			}
		}
		events.publishEvent(new ContactDeleting(row.text("no"), row.text("type"), row.text("companyNo")));
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
		return find(companyNo).filter(company -> ContactType.COMPANY.is(company.text("type")))
			.orElseThrow(() -> new CompanyContactRequired("companyNo",
					"companyNo must name a company contact; " + companyNo + " is none"));
	}

	private static boolean isPerson(Map<String, @Nullable Object> values) {
		return ContactType.PERSON.is(values.get("type"));
	}

	private static void fillIfEmpty(Map<String, @Nullable Object> values, String field, @Nullable String value) {
		if (values.get(field) == null && value != null) {
			values.put(field, value);
		}
	}

	private static boolean isBlank(@Nullable Object value) {
		return value == null || value.toString().isBlank();
	}

	private static String text(Map<String, @Nullable Object> values, String field) {
		Object value = values.get(field);
		return value == null ? "" : value.toString();
	}

	private static void requireOneOf(String parameter, String value, List<String> allowed) {
		if (!allowed.contains(value)) {
			throw new Problems.ValidationFailed(
					List.of(new FieldError(parameter, "must be one of " + String.join(", ", allowed))));
		}
	}

}
