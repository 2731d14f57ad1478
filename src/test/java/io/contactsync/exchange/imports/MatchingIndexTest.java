package io.contactsync.exchange.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching a row by organisation number or e-mail is an index lookup (docs/import.md,
 * "Matching"): the plan of each query {@link Matching} runs names the index made for it;
 * and the keys compared in Java are the ones those lookups compare. The test tables are
 * small, where a scan is cheaper, so the planner is told to avoid scans; an index whose
 * expression differs from the query's in the least could still not be used, and the plan
 * would be a scan.
 */
class MatchingIndexTest extends DemoCompanyApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource({ "contact, contact_by_normalised_vat", "customer, customer_by_normalised_vat",
			"vendor, vendor_by_normalised_vat" })
	void byOrganisationNumber(String table, String index) throws SQLException {
		assertThat(plan(Matching.byVat(table, "vat_registration_no"), "NO 923 609 016 MVA")).contains(index);
	}

	@ParameterizedTest
	@CsvSource({ "contact, contact_by_email_address", "customer, customer_by_email_address",
			"vendor, vendor_by_email_address", "bank_account, bank_account_by_email_address" })
	void byEmail(String table, String index) throws SQLException {
		assertThat(plan(Matching.byEmail(table, "email"), "Post@Firma.no")).contains(index);
	}

	@ParameterizedTest
	@CsvSource({ "VAT, contact_company_by_normalised_vat", "NAME, contact_company_by_name" })
	void aPersonsCompany(String by, String index) throws SQLException {
		String query = by.equals("VAT") ? Matching.companyByVat() : Matching.companyByName();
		assertThat(plan(query, "923609016")).contains(index);
	}

	/**
	 * Rows created together must not hold a key a later row could match
	 * ({@code PageCreations}), told in Java: the Java form of an organisation number must
	 * be the one the lookups compare.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "NO 923 609 016 MVA", "923609016", "no923609016mva", "923 609 016", "SE556677889901",
			"DE 123.456.789", "NO12345678MVA", "mva" })
	void anOrganisationNumberIsComparedAlikeInJavaAndInTheLookup(String vat) {
		String looked = jdbc.sql("SELECT " + Matching.NORMALISED_VAT.formatted("CAST(? AS text)"))
			.param(vat)
			.query(String.class)
			.single();
		assertThat(Matching.comparedKeys(MatchBy.VAT_REGISTRATION_NO, vat)).containsExactly(looked);
	}

	@Test
	void anEmailCellIsComparedAddressByAddressAsTheLookupComparesIt() {
		assertThat(Matching.comparedKeys(MatchBy.EMAIL, "Post@Firma.no; Ole Nord@Firma.no ;"))
			.containsExactlyInAnyOrder("post@firma.no", "olenord@firma.no")
			.contains(Matching.firstAddress("Post@Firma.no; Ole Nord@Firma.no"));
		assertThat(Matching.comparedKeys(MatchBy.NUMBER, "k00012")).containsExactly("K00012");
		assertThat(Matching.comparedKeys(MatchBy.EXTERNAL_ID, "Ab-1")).containsExactly("Ab-1");
		assertThat(Matching.comparedKeys(MatchBy.EMAIL, " ")).isEmpty();
	}

	private String plan(String query, String key) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Connection db = dataSource.getConnection()) {
			db.setAutoCommit(false);
			try (Statement settings = db.createStatement()) {
				settings.execute("SET LOCAL enable_seqscan = off");
			}
			try (PreparedStatement explain = db.prepareStatement("EXPLAIN " + query)) {
				explain.setString(1, key);
				try (ResultSet plan = explain.executeQuery()) {
					while (plan.next()) {
						lines.add(plan.getString(1));
					}
				}
			}
			finally {
				db.rollback();
			}
		}
		String plan = String.join("\n", lines);
		assertThat(plan).as(plan).doesNotContain("Seq Scan");
		return plan;
	}

}
