package io.contactsync.setup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactTypeTest {

	@Test
	void theTypesAreKnownByTheNamesTheApiAndTheDatabaseUse() {
		assertThat(ContactType.names()).containsExactly("COMPANY", "PERSON");
	}

	@Test
	void aStoredOrRequestedValueNamesTheTypeOnlyWhenItIsExactlyItsName() {
		assertThat(ContactType.PERSON.is("PERSON")).isTrue();
		assertThat(ContactType.PERSON.is(ContactType.PERSON)).isTrue();
		assertThat(ContactType.PERSON.is("COMPANY")).isFalse();
		assertThat(ContactType.COMPANY.is("company")).as("the API takes the upper-case names only").isFalse();
		assertThat(ContactType.COMPANY.is(null)).as("an absent type is neither").isFalse();
	}

}
