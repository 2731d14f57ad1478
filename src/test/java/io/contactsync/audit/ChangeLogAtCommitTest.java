package io.contactsync.audit;

import java.util.List;
import java.util.Map;

import io.contactsync.contact.Contacts;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.table.Row;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction's change log entries are numbered as its changes are made and written as
 * it commits: all of them with it, none without it.
 */
class ChangeLogAtCommitTest extends DemoCompanyApiTest {

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theEntriesOfATransactionAreWrittenAsItCommitsWithTheirCauses() {
		String contact = text(customer("Skriving AS"), "contactNo");
		String customer = customerOf(contact);

		transaction.executeWithoutResult(status -> {
			contacts.patch(contact, ExpectedVersion.any(), Api.JSON.valueToTree(Map.of("city", "Tromsø")));
			assertThat(entries(contact, "city")).as("not written before the commit").isEmpty();
		});

		List<Map<String, Object>> onContact = entries(contact, "city");
		List<Map<String, Object>> onCustomer = entries(customer, "city");
		assertThat(onContact).hasSize(1);
		assertThat(onCustomer).singleElement().satisfies(entry -> {
			assertThat(entry).containsEntry("origin", "SYNC");
			assertThat(entry.get("caused_by")).isEqualTo(onContact.get(0).get("id"));
			assertThat((Long) entry.get("id")).isGreaterThan((Long) onContact.get(0).get("id"));
		});
	}

	@Test
	void aTransactionRolledBackLeavesNoEntries() {
		String contact = text(customer("Angring AS"), "contactNo");

		transaction.executeWithoutResult(status -> {
			contacts.patch(contact, ExpectedVersion.any(), Api.JSON.valueToTree(Map.of("city", "Hamar")));
			status.setRollbackOnly();
		});

		assertThat(entries(contact, "city")).isEmpty();
		assertThat(entries(customerOf(contact), "city")).isEmpty();
		Row unchanged = contacts.get(contact);
		assertThat(unchanged.text("city")).isNullOrEmpty();
	}

	/**
	 * A transaction started inside another (suspending it) collects and writes its own
	 * entries: they stay when the outer one rolls back, and the outer one's do not leak
	 * into it.
	 */
	@Test
	void aTransactionInsideAnotherWritesItsOwnEntries() {
		String outer = text(customer("Ytre AS"), "contactNo");
		String inner = text(customer("Indre AS"), "contactNo");
		TransactionTemplate separate = new TransactionTemplate(transaction.getTransactionManager());
		separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		transaction.executeWithoutResult(status -> {
			contacts.patch(outer, ExpectedVersion.any(), Api.JSON.valueToTree(Map.of("city", "Bodø")));
			separate.executeWithoutResult(innerStatus -> contacts.patch(inner, ExpectedVersion.any(),
					Api.JSON.valueToTree(Map.of("city", "Narvik"))));
			assertThat(entries(inner, "city")).as("the inner one's, written as it committed").hasSize(1);
			contacts.patch(outer, ExpectedVersion.any(), Api.JSON.valueToTree(Map.of("city", "Harstad")));
			status.setRollbackOnly();
		});

		assertThat(entries(outer, "city")).isEmpty();
		assertThat(entries(inner, "city")).hasSize(1);
		assertThat(entries(customerOf(inner), "city")).as("its sync's entry with it").hasSize(1);
	}

	private String customerOf(String contactNo) {
		return jdbc
			.sql("SELECT customer_no FROM contact_business_relation WHERE contact_no = ? AND customer_no IS NOT NULL")
			.param(contactNo)
			.query(String.class)
			.single();
	}

	private List<Map<String, Object>> entries(String no, String field) {
		return jdbc.sql("SELECT id, origin, caused_by FROM change_log WHERE no = ? AND field = ? ORDER BY id")
			.params(no, field)
			.query()
			.listOfRows();
	}

}
