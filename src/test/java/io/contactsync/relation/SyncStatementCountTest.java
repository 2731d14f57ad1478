package io.contactsync.relation;

import java.util.Map;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import io.contactsync.support.StatementCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one synced field change costs in SQL statements, counted by PostgreSQL itself
 * (pg_stat_statements), before and after the tables grow: the count must not grow with
 * them.
 */
class SyncStatementCountTest extends DemoCompanyApiTest {

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	private StatementCounts statements;

	@BeforeEach
	void countStatements() {
		statements = new StatementCounts(jdbc);
	}

	@Test
	void aSyncedFieldChangeCostsTheSameStatementsWhateverTheTableSizes() {
		JsonNode customer = customer("Telling AS");
		String contact = text(customer, "contactNo");
		create("/api/v1/contacts/" + contact + "/create-vendor", Map.of());
		create("/api/v1/contacts/" + contact + "/create-bank-account", Map.of());

		// Both measured changes move a phone there is: filling an empty one inserts its
		// search strings, a statement more than moving them.
		statementsOfOnePhoneChange(contact, "10 10 10 10");
		long small = statementsOfOnePhoneChange(contact, "11 11 11 11");
		grow(5_000);
		long large = statementsOfOnePhoneChange(contact, "22 22 22 22");

		System.out.printf("Statements for one synced field change (contact + customer + vendor + bank account):"
				+ " %d with few rows, %d after 5,000 more contacts and customers%n", small, large);
		assertThat(large).isEqualTo(small);
		// 15 measured (transaction control not counted): the change with its lock, the
		// settings and the map, its links, the people who inherit from it, three carried
		// changes with their locks, the duplicate strings, the log and the outbox row.
		// The carried changes do not come back to the contact that sent them (26 before),
		// and the answer is the row as written, not read again (16 before); a statement
		// more per change is a regression to look at, not to wave through.
		assertThat(small).as("the change itself, its log and three carried changes").isBetween(10L, 15L);
	}

	/**
	 * A change over the API and its answer (its warnings, autosearch's duplicates) share
	 * one transaction: the marketing setup, which both consult, is read once. Worked out
	 * after the commit, the answer read it again in a transaction of its own.
	 */
	@Test
	void aChangeOverTheApiReadsTheMarketingSetupOnceWithItsAnswer() {
		String contact = text(customer("Svar AS"), "contactNo");
		String path = "/api/v1/contacts/" + contact;
		long version = read(path).get("version").asLong();

		statements.reset();
		Api.Response changed = admin().ifMatch(version).patch(path, Map.of("phoneNo", "44 44 44 44"));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(statements.startingWith("SELECT business_relation_code_for_customers")).isEqualTo(1);
	}

	/**
	 * A company's change that touches nothing its people inherit (docs/rules.md, "Person
	 * inheritance") does not look its people up; one that does, does.
	 */
	@Test
	void aCompanyChangeNoPersonInheritsLooksUpNoPeople() {
		String contact = text(customer("Arv AS"), "contactNo");
		String people = "SELECT no FROM contact WHERE company_no";

		statements.reset();
		contacts.patch(contact, ExpectedVersion.any(), Api.JSON.valueToTree(Map.of("name2", "Avdeling Nord")));
		assertThat(statements.startingWith(people)).as("a second name, which no person inherits").isZero();

		statements.reset();
		contacts.patch(contact, ExpectedVersion.any(), Api.JSON.valueToTree(Map.of("city", "BERGEN")));
		assertThat(statements.startingWith(people)).as("a city, which people inherit").isEqualTo(1);
	}

	/**
	 * P5 of docs/targets.md: creations wait on their number series, whose row stays
	 * locked to the commit, so what a creation runs sets the rate. With its company and
	 * person contacts a customer may cost at most three times what it costs alone.
	 */
	@Test
	void aCustomerWithItsContactsCostsAtMostThreeTimesTheStatementsOfOneAlone() {
		customer("Oppvarming AS", "phoneNo", "33 00 00 00", "contact", "Ola Oppvarming");
		long synced = statements.of("POST /customers with company and person contacts",
				() -> customer("Med kontakter AS", "phoneNo", "33 00 00 01", "contact", "Kari Kontakt"));
		setMarketing("businessRelationCodeForCustomers", null);
		long alone;
		try {
			customer("Oppvarming uten AS", "phoneNo", "33 00 00 02", "contact", "Per Oppvarming");
			alone = statements.of("POST /customers alone",
					() -> customer("Uten kontakter AS", "phoneNo", "33 00 00 03", "contact", "Kari Alene"));
		}
		finally {
			setMarketing("businessRelationCodeForCustomers", "KUNDE");
		}

		System.out.printf("Statements of POST /customers (sign-in included): %d alone, %d with company and"
				+ " person contacts%n", alone, synced);
		assertThat(synced).isLessThanOrEqualTo(3 * alone);
	}

	private long statementsOfOnePhoneChange(String contactNo, String phone) {
		return statements.of("One synced field change",
				() -> contacts.patch(contactNo, ExpectedVersion.any(), Api.JSON.valueToTree(Map.of("phoneNo", phone))));
	}

	private void grow(int rows) {
		String tag = unique();
		jdbc.sql("INSERT INTO contact (no, type, name, company_no) SELECT 'X" + tag + "' || n, 'COMPANY', 'Fyll ' || n,"
				+ " 'X" + tag + "' || n FROM generate_series(1, ?) AS n")
			.param(rows)
			.update();
		jdbc.sql("INSERT INTO customer (no, name) SELECT 'Y" + tag
				+ "' || n, 'Fyll ' || n FROM generate_series(1, ?) AS n")
			.param(rows)
			.update();
		jdbc.sql("ANALYZE contact, customer").update();
	}

}
