package io.contactsync.audit;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction may hold numbers of many blocks before its commit (a page of an import
 * writes tens of thousands of change log entries): the server each was drawn in is still
 * known when they are written, or the writer would take the transaction for one that
 * outlived a restart of the database and refuse it again and again.
 */
class ChangeLogIdsTest extends DemoCompanyApiTest {

	@Autowired
	ChangeLogIds ids;

	@Test
	void theServerOfEveryNumberATransactionHoldsIsKnownAtItsCommit() {
		long first = ids.next();
		long last = first;
		for (int i = 0; i < 30_000; i++) {
			last = ids.next();
		}

		assertThat(ids.drawnIn(first)).as("the first of 300 blocks").isPresent();
		assertThat(ids.drawnIn(last)).isPresent();
		assertThat(ids.drawnIn(first)).isEqualTo(ids.drawnIn(last));
		assertThat(ids.drawnIn(last + 1_000_000)).as("never drawn").isEmpty();
	}

}
