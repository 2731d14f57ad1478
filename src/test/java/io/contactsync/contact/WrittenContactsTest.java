package io.contactsync.contact;

import java.util.Map;

import io.contactsync.platform.table.Row;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact a transaction has just written is not read again by the same transaction (a
 * person made for the company just created reads the company so), unless the work that
 * wrote it was rolled back to a savepoint, as a job's record done alone or a row of an
 * import is.
 */
class WrittenContactsTest extends DemoCompanyApiTest {

	@Autowired
	Contacts contacts;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aContactJustCreatedIsFoundAsWrittenUntilItsSavepointIsRolledBack() {
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate alone = new TransactionTemplate(transactions);
		alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

		outer.executeWithoutResult(transaction -> {
			Row kept = contacts.insert(Map.of("name", "Beholdt Verksted AS"));
			assertThat(contacts.findLatest(kept.text("no"))).as("as written, not read again").containsSame(kept);

			String undone = alone.execute(savepoint -> {
				Row created = contacts.insert(Map.of("name", "Angret Verksted AS"));
				assertThat(contacts.findLatest(created.text("no"))).containsSame(created);
				savepoint.setRollbackOnly();
				return created.text("no");
			});

			assertThat(contacts.findLatest(undone)).as("rolled back with its savepoint").isEmpty();
			assertThat(contacts.findLatest(kept.text("no"))).as("read again after the rollback")
				.hasValueSatisfying(row -> assertThat(row).isNotSameAs(kept)
					.extracting(found -> found.text("name"))
					.isEqualTo("Beholdt Verksted AS"));
			transaction.setRollbackOnly();
		});
	}

}
