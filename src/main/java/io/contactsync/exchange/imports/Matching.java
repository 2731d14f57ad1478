package io.contactsync.exchange.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.contactsync.integration.ExternalIds;
import io.contactsync.platform.Problems;
import io.contactsync.platform.table.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the record a row stands for, by what the import matches on (docs/import.md,
 * "Matching"), and the company a person row names. A key that names more than one record
 * is an error of the row, never a guess.
 */
@Component
class Matching {

	/**
	 * An organisation or VAT number as compared: letters and digits in upper case, a
	 * Norwegian number's {@code NO} and {@code MVA} taken off ("NO 923 609 016 MVA" is
	 * "923609016").
	 */
	static final String NORMALISED_VAT = "regexp_replace(regexp_replace(upper(%s), '[^A-Z0-9]', '', 'g'),"
			+ " '^(NO){0,1}(\\d{9})(MVA){0,1}$', '\\2')";

	/** {@link #NORMALISED_VAT}'s Norwegian number inside {@code NO … MVA}, in Java. */
	private static final Pattern NORWEGIAN_VAT = Pattern.compile("^(NO)?(\\d{9})(MVA)?$");

	private final JdbcClient jdbc;

	private final Targets targets;

	private final ExternalIds externalIds;

	Matching(JdbcClient jdbc, Targets targets, ExternalIds externalIds) {
		this.jdbc = jdbc;
		this.targets = targets;
		this.externalIds = externalIds;
	}

	/**
	 * The number of the record the key names.
	 * @param field the row's field that held the key, named in an error
	 */
	Optional<String> find(ImportKind kind, MatchBy by, String key, String field, ImportSettings settings) {
		Table table = targets.table(kind);
		return switch (by) {
			case NUMBER -> targets.find(kind, key.toUpperCase(Locale.ROOT)).map(found -> found.get("no").asString());
			case EXTERNAL_ID -> externalIds.find(kind.recordType(), settings.externalSystem(), key);
			case VAT_REGISTRATION_NO -> one(jdbc.sql(byVat(table.table(), column(table, "vatRegistrationNo")))
				.param(key)
				.query(String.class)
				.list(), field, key);
			case EMAIL -> one(jdbc.sql(byEmail(table.table(), column(table, "email")))
				.param(firstAddress(key))
				.query(String.class)
				.list(), field, key);
		};
	}

	/**
	 * The company contact a person row names: by its number, else its organisation
	 * number, else its name (ignoring case).
	 */
	String company(String value) {
		String key = value.strip();
		List<String> byNo = jdbc.sql("SELECT no FROM contact WHERE no = ? AND type = 'COMPANY'")
			.param(key.toUpperCase(Locale.ROOT))
			.query(String.class)
			.list();
		if (!byNo.isEmpty()) {
			return byNo.get(0);
		}
		if (key.replaceAll("[^0-9]", "").length() >= 9) {
			List<String> byVat = jdbc.sql(companyByVat()).param(key).query(String.class).list();
			if (!byVat.isEmpty()) {
				return one(byVat, "company", key).orElseThrow();
			}
		}
		List<String> byName = jdbc.sql(companyByName()).param(key).query(String.class).list();
		return one(byName, "company", key)
			.orElseThrow(() -> new Problems.ValidationFailed("company", "invalid.importNoCompany", key));
	}

	/*
	 * The queries below are what the indexes of migration V18_0_0 are made for: each
	 * compares exactly the expression its index holds, so that a row costs an index
	 * lookup (MatchingIndexTest reads their plans).
	 */

	/**
	 * The first two (by number) of the rows a lookup finds: enough to tell one from many.
	 * The lookup is fenced off ({@code OFFSET 0}) from the order and the limit: given
	 * {@code ORDER BY no LIMIT 2} over the table, the planner may walk the whole key in
	 * order, filtering, rather than use the lookup's index (0.3 s a row at 300,000
	 * customers, seen in P6 at full size).
	 */
	private static String firstTwo(String lookup) {
		return "SELECT no FROM (" + lookup + " OFFSET 0) found ORDER BY no LIMIT 2";
	}

	/** The records whose organisation number, as compared, is the parameter's. */
	static String byVat(String table, String column) {
		return firstTwo("SELECT no FROM " + table + " WHERE " + NORMALISED_VAT.formatted(column) + " = "
				+ NORMALISED_VAT.formatted("CAST(? AS text)"));
	}

	/**
	 * The records one of whose e-mail addresses is the parameter: the addresses as a set
	 * contain it, which the GIN index on the same set answers.
	 */
	static String byEmail(String table, String column) {
		return firstTwo("SELECT no FROM " + table + " WHERE string_to_array(replace(lower(" + column
				+ "), ' ', ''), ';') @> ARRAY[lower(CAST(? AS text))]");
	}

	static String companyByVat() {
		return firstTwo(
				"SELECT no FROM contact WHERE type = 'COMPANY' AND " + NORMALISED_VAT.formatted("vat_registration_no")
						+ " = " + NORMALISED_VAT.formatted("CAST(? AS text)"));
	}

	static String companyByName() {
		return firstTwo("SELECT no FROM contact WHERE type = 'COMPANY' AND lower(name) = lower(?)");
	}

	private static Optional<String> one(List<String> found, String field, String key) {
		if (found.size() > 1) {
			throw new Problems.ValidationFailed(field, "invalid.importAmbiguous", key, String.join(", ", found));
		}
		return found.stream().findFirst();
	}

	private static String column(Table table, String field) {
		return table.field(field)
			.orElseThrow(() -> new IllegalStateException(table.table() + " has no " + field))
			.column();
	}

	/**
	 * What of a value a row's key could match, compared as the lookups above compare: a
	 * number in upper case, an external id as it is, an organisation number as
	 * {@link #NORMALISED_VAT} has it, each of an e-mail cell's addresses. Rows created
	 * together must not hold a key a later row of theirs could match
	 * ({@code PageCreations}).
	 */
	static Set<String> comparedKeys(MatchBy by, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		return switch (by) {
			case NUMBER -> Set.of(value.toUpperCase(Locale.ROOT));
			case EXTERNAL_ID -> Set.of(value);
			case VAT_REGISTRATION_NO -> Set.of(comparedVat(value));
			case EMAIL -> Arrays.stream(value.split(";"))
				.map(email -> email.strip().replace(" ", "").toLowerCase(Locale.ROOT))
				.filter(email -> !email.isEmpty())
				.collect(Collectors.toSet());
		};
	}

	/** An organisation or VAT number as {@link #NORMALISED_VAT} compares it. */
	static String comparedVat(String vat) {
		String compared = vat.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		Matcher norwegian = NORWEGIAN_VAT.matcher(compared);
		return norwegian.matches() ? norwegian.group(2) : compared;
	}

	/** The first of several addresses in an e-mail cell. */
	static String firstAddress(String emails) {
		return emails.split(";")[0].strip().replace(" ", "").toLowerCase(Locale.ROOT);
	}

}
