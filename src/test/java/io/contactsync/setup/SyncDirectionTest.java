package io.contactsync.setup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncDirectionTest {

	@Test
	void bothCarriesEachWay() {
		assertThat(SyncDirection.BOTH.toRecord()).isTrue();
		assertThat(SyncDirection.BOTH.toContact()).isTrue();
	}

	@Test
	void aOneWayDirectionCarriesOnlyThatWay() {
		assertThat(SyncDirection.CONTACT_TO_RECORD.toRecord()).isTrue();
		assertThat(SyncDirection.CONTACT_TO_RECORD.toContact()).isFalse();
		assertThat(SyncDirection.RECORD_TO_CONTACT.toRecord()).isFalse();
		assertThat(SyncDirection.RECORD_TO_CONTACT.toContact()).isTrue();
	}

	@Test
	void noneCarriesNeitherWay() {
		assertThat(SyncDirection.NONE.toRecord()).isFalse();
		assertThat(SyncDirection.NONE.toContact()).isFalse();
	}

}
