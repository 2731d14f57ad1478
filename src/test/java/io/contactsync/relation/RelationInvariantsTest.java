package io.contactsync.relation;

import java.util.Map;

import io.contactsync.setup.LinkedRecordType;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * docs/targets.md R4. The invariants of docs/rules.md, "Invariants" hold in the database
 * itself: rows written straight through JDBC, past every check of the application, are
 * refused.
 */
@Tag("quality")
class RelationInvariantsTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aContactHasAtMostOneLinkOfEachType() {
		JsonNode customer = customer("Invariant En AS");
		// A customer with no contact of its own, so that only the rule named can refuse.
		setMarketing("businessRelationCodeForCustomers", null);
		JsonNode other;
		try {
			other = customer("Invariant To AS");
		}
		finally {
			setMarketing("businessRelationCodeForCustomers", "KUNDE");
		}

		assertRefusedBy("cbr_one_link_per_type",
				link(text(customer, "contactNo"), "COMPANY", false, "ADVOKAT", "CUSTOMER", no(other)));
	}

	@Test
	void aRecordIsLinkedToAtMostOneContact() {
		JsonNode customer = customer("Invariant Tre AS");
		JsonNode contact = company("Invariant Fire AS");

		assertRefusedBy("cbr_one_contact_per_customer",
				link(no(contact), "COMPANY", false, "KUNDE", "CUSTOMER", no(customer)));
	}

	@Test
	void linksLiveOnCompaniesOrOnAPersonCustomerStandingAlone() {
		JsonNode company = company("Invariant Fem AS");
		JsonNode person = person("Invariant Person", no(company));
		JsonNode lonely = person("Alene Person", null);
		String bank = no(create("/api/v1/contacts/" + no(company) + "/create-bank-account", Map.of()));
		jdbc.sql("DELETE FROM contact_business_relation WHERE bank_account_no = ?").param(bank).update();

		assertRefusedBy("cbr_link_on_company", link(no(person), "PERSON", false, "BANK", "BANK_ACCOUNT", bank));
		assertRefusedBy("cbr_link_on_company", link(no(lonely), "PERSON", true, "BANK", "BANK_ACCOUNT", bank));
		link(no(company), "COMPANY", false, "BANK", "BANK_ACCOUNT", bank).run();
	}

	@Test
	void aLinkPointsAtAnExistingContactAndRecord() {
		JsonNode company = company("Invariant Seks AS");

		assertRefusedBy("contact_business_relation_customer_no_fkey",
				link(no(company), "COMPANY", false, "KUNDE", "CUSTOMER", "NOSUCHCUSTOMER"));
		assertRefusedBy("cbr_contact", link("NOSUCHCONTACT", "COMPANY", false, "ADVOKAT", null, null));
		assertRefusedBy("cbr_link_points_at_one_record", () -> jdbc
			.sql("INSERT INTO contact_business_relation (contact_no, contact_type,"
					+ " contact_standalone, business_relation_code, link_to_table) VALUES (?, 'COMPANY', false, 'KUNDE',"
					+ " 'CUSTOMER')")
			.param(no(company))
			.update());
	}

	@Test
	void aPersonsCompanyIsACompany() {
		JsonNode person = person("Ikke Firma", null);

		assertRefusedBy("contact_company_is_a_company",
				() -> jdbc
					.sql("INSERT INTO contact (no, type, name, company_no) VALUES ('INV7', 'PERSON', 'Ansatt', ?)")
					.param(no(person))
					.update());
		assertRefusedBy("contact_company_is_itself",
				() -> jdbc.sql(
						"INSERT INTO contact (no, type, name, company_no) VALUES ('INV8', 'COMPANY', 'Firma', 'ANNET')")
					.update());
	}

	@Test
	void numbersAreUniqueAndValuesKeepTheirRules() {
		JsonNode company = company("Invariant Ni AS");

		assertRefusedBy("contact_pkey",
				() -> jdbc.sql("INSERT INTO contact (no, type, name, company_no) VALUES (?, 'COMPANY', 'Kopi', ?)")
					.params(no(company), no(company))
					.update());
		assertRefusedBy("contact_phone_no_digits",
				() -> jdbc.sql("UPDATE contact SET phone_no = 'ring meg' WHERE no = ?").param(no(company)).update());
		assertRefusedBy("contact_type_valid",
				() -> jdbc.sql("UPDATE contact SET type = 'ROBOT' WHERE no = ?").param(no(company)).update());
		assertRefusedAsTooLong(100,
				() -> jdbc.sql("UPDATE contact SET name = ? WHERE no = ?")
					.params("x".repeat(101), no(company))
					.update());
	}

	@Test
	void customersVendorsAndBankAccountsKeepTheirRules() {
		JsonNode customer = customer("Invariant Ti AS");
		JsonNode vendor = vendor("Invariant Elleve AS");
		JsonNode bank = bankAccount("Invariant Tolv AS");

		assertRefusedBy("customer_blocked_valid",
				() -> jdbc.sql("UPDATE customer SET blocked = 'SOMETIMES' WHERE no = ?").param(no(customer)).update());
		assertRefusedBy("customer_primary_contact_no_fkey",
				() -> jdbc.sql("UPDATE customer SET primary_contact_no = 'NOSUCHCONTACT' WHERE no = ?")
					.param(no(customer))
					.update());
		assertRefusedBy("vendor_blocked_valid",
				() -> jdbc.sql("UPDATE vendor SET blocked = 'INVOICE' WHERE no = ?").param(no(vendor)).update());
		assertRefusedBy("vendor_name_given",
				() -> jdbc.sql("UPDATE vendor SET name = '' WHERE no = ?").param(no(vendor)).update());
		assertRefusedAsTooLong(50,
				() -> jdbc.sql("UPDATE bank_account SET iban = ? WHERE no = ?")
					.params("N".repeat(51), no(bank))
					.update());
	}

	private Runnable link(String contactNo, String type, boolean standalone, String code, String table,
			String recordNo) {
		String column = table == null ? "customer_no" : Relations.column(LinkedRecordType.valueOf(table));
		return () -> jdbc
			.sql("INSERT INTO contact_business_relation (contact_no, contact_type, contact_standalone,"
					+ " business_relation_code, link_to_table, " + column + ") VALUES (?, ?, ?, ?, ?, ?)")
			.params(contactNo, type, standalone, code, table, recordNo)
			.update();
	}

	/**
	 * Refused, and by the rule the test is about: a write that breaks some other rule on
	 * the way would be refused even with that rule gone.
	 */
	private static void assertRefusedBy(String constraint, Runnable write) {
		assertThat(refusal(write).getServerErrorMessage()).as("why it was refused")
			.isNotNull()
			.satisfies(why -> assertThat(why.getConstraint()).as(why.toString()).isEqualTo(constraint));
	}

	private static void assertRefusedAsTooLong(int length, Runnable write) {
		PSQLException refusal = refusal(write);
		assertThat(refusal.getSQLState()).as(refusal.getMessage()).isEqualTo("22001");
		assertThat(refusal.getMessage()).contains("character varying(" + length + ")");
	}

	private static PSQLException refusal(Runnable write) {
		Throwable thrown = catchThrowable(write::run);
		assertThat(thrown).as("refused").isInstanceOf(DataIntegrityViolationException.class);
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(thrown);
		assertThat(cause).isInstanceOf(PSQLException.class);
		return (PSQLException) cause;
	}

}
