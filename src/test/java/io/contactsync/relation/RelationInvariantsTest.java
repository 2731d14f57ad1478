package io.contactsync.relation;

import java.util.Map;

import io.contactsync.setup.LinkedRecordType;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
		JsonNode other = customer("Invariant To AS");

		assertRefused(link(text(customer, "contactNo"), "COMPANY", false, "ADVOKAT", "CUSTOMER", no(other)));
	}

	@Test
	void aRecordIsLinkedToAtMostOneContact() {
		JsonNode customer = customer("Invariant Tre AS");
		JsonNode contact = company("Invariant Fire AS");

		assertRefused(link(no(contact), "COMPANY", false, "KUNDE", "CUSTOMER", no(customer)));
	}

	@Test
	void linksLiveOnCompaniesOrOnAPersonCustomerStandingAlone() {
		JsonNode company = company("Invariant Fem AS");
		JsonNode person = person("Invariant Person", no(company));
		JsonNode lonely = person("Alene Person", null);
		String bank = no(create("/api/v1/contacts/" + no(company) + "/create-bank-account", Map.of()));
		jdbc.sql("DELETE FROM contact_business_relation WHERE bank_account_no = ?").param(bank).update();

		assertRefused(link(no(person), "PERSON", false, "BANK", "BANK_ACCOUNT", bank));
		assertRefused(link(no(lonely), "PERSON", true, "BANK", "BANK_ACCOUNT", bank));
	}

	@Test
	void aLinkPointsAtAnExistingContactAndRecord() {
		JsonNode company = company("Invariant Seks AS");

		assertRefused(link(no(company), "COMPANY", false, "KUNDE", "CUSTOMER", "NOSUCHCUSTOMER"));
		assertRefused(link("NOSUCHCONTACT", "COMPANY", false, "ADVOKAT", null, null));
		assertRefused(() -> jdbc.sql("INSERT INTO contact_business_relation (contact_no, contact_type,"
				+ " contact_standalone, business_relation_code, link_to_table) VALUES (?, 'COMPANY', false, 'KUNDE',"
				+ " 'CUSTOMER')")
			.param(no(company))
			.update());
	}

	@Test
	void aPersonsCompanyIsACompany() {
		JsonNode person = person("Ikke Firma", null);

		assertRefused(() -> jdbc
			.sql("INSERT INTO contact (no, type, name, company_no) VALUES ('INV7', 'PERSON', 'Ansatt', ?)")
			.param(no(person))
			.update());
		assertRefused(() -> jdbc
			.sql("INSERT INTO contact (no, type, name, company_no) VALUES ('INV8', 'COMPANY', 'Firma', 'ANNET')")
			.update());
	}

	@Test
	void numbersAreUniqueAndValuesKeepTheirRules() {
		JsonNode company = company("Invariant Ni AS");

		assertRefused(
				() -> jdbc.sql("INSERT INTO contact (no, type, name, company_no) VALUES (?, 'COMPANY', 'Kopi', ?)")
					.params(no(company), no(company))
					.update());
		assertRefused(
				() -> jdbc.sql("UPDATE contact SET phone_no = 'ring meg' WHERE no = ?").param(no(company)).update());
		assertRefused(() -> jdbc.sql("UPDATE contact SET type = 'ROBOT' WHERE no = ?").param(no(company)).update());
		assertRefused(() -> jdbc.sql("UPDATE contact SET name = ? WHERE no = ?")
			.params("x".repeat(101), no(company))
			.update());
	}

	@Test
	void customersVendorsAndBankAccountsKeepTheirRules() {
		JsonNode customer = customer("Invariant Ti AS");
		JsonNode vendor = vendor("Invariant Elleve AS");
		JsonNode bank = bankAccount("Invariant Tolv AS");

		assertRefused(
				() -> jdbc.sql("UPDATE customer SET blocked = 'SOMETIMES' WHERE no = ?").param(no(customer)).update());
		assertRefused(() -> jdbc.sql("UPDATE customer SET primary_contact_no = 'NOSUCHCONTACT' WHERE no = ?")
			.param(no(customer))
			.update());
		assertRefused(() -> jdbc.sql("UPDATE vendor SET blocked = 'INVOICE' WHERE no = ?").param(no(vendor)).update());
		assertRefused(() -> jdbc.sql("UPDATE vendor SET name = '' WHERE no = ?").param(no(vendor)).update());
		assertRefused(() -> jdbc.sql("UPDATE bank_account SET iban = ? WHERE no = ?")
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

	private static void assertRefused(Runnable write) {
		assertThatThrownBy(write::run).isInstanceOf(DataIntegrityViolationException.class);
	}

}
