package io.contactsync.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Problems;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the contacts list as SQL conditions on the contact table and their named
 * parameters; a filter value outside its list is refused, naming the parameter.
 */
record ContactFilters(List<String> conditions, Map<String, Object> params) {

	/**
	 * @param includeRoles with {@code companyNo}: the people who hold a current role at
	 * the company too (docs/rules.md, "Roles at other companies")
	 */
	static ContactFilters of(@Nullable String type, @Nullable String companyNo, boolean includeRoles,
			@Nullable String businessRelation) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (type != null) {
			requireOneOf("type", type, ContactTable.TYPES);
			conditions.add("type = :type");
			params.put("type", type);
		}
		if (companyNo != null && includeRoles) {
			conditions.add("(company_no = :companyNo OR no IN (SELECT r.contact_no FROM contact_role r"
					+ " WHERE r.company_no = :companyNo AND (r.starting_date IS NULL OR r.starting_date <= CURRENT_DATE)"
					+ " AND (r.ending_date IS NULL OR r.ending_date > CURRENT_DATE)))");
			params.put("companyNo", companyNo.toUpperCase(Locale.ROOT));
		}
		else if (companyNo != null) {
			conditions.add("company_no = :companyNo");
			params.put("companyNo", companyNo.toUpperCase(Locale.ROOT));
		}
		if (businessRelation != null) {
			requireOneOf("businessRelation", businessRelation, ContactTable.BUSINESS_RELATIONS);
			conditions.add("contact_business_relation = :relation");
			params.put("relation", businessRelation);
		}
		return new ContactFilters(conditions, params);
	}

	private static void requireOneOf(String parameter, String value, List<String> allowed) {
		if (!allowed.contains(value)) {
			throw new Problems.ValidationFailed(
					List.of(new FieldError(parameter, "invalid.oneOf", String.join(", ", allowed))));
		}
	}

}
