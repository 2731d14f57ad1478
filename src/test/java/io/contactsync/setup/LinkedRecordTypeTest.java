package io.contactsync.setup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedRecordTypeTest {

	@Test
	void customersAndVendorsHaveAPrimaryContactButABankAccountHasNone() {
		assertThat(LinkedRecordType.CUSTOMER.hasPrimaryContact()).isTrue();
		assertThat(LinkedRecordType.VENDOR.hasPrimaryContact()).isTrue();
		assertThat(LinkedRecordType.BANK_ACCOUNT.hasPrimaryContact()).isFalse();
	}

	@Test
	void everyLinkedRecordSharesTheCommonContactFieldsFirst() {
		for (LinkedRecordType type : LinkedRecordType.values()) {
			assertThat(type.shareableFields()).as(type.name())
				.startsWith("name", "name2", "address", "address2", "city", "postCode", "county", "countryRegionCode",
						"phoneNo", "mobilePhoneNo", "faxNo", "email", "homePage", "territoryCode", "currencyCode",
						"languageCode");
		}
	}

	@Test
	void onlyACustomerSharesTheSalespersonAndABankAccountSharesNoVatOrRegistrationNumber() {
		assertThat(LinkedRecordType.CUSTOMER.shareableFields()).hasSize(19)
			.endsWith("vatRegistrationNo", "registrationNumber", "salespersonCode");
		assertThat(LinkedRecordType.VENDOR.shareableFields()).hasSize(18)
			.endsWith("vatRegistrationNo", "registrationNumber")
			.doesNotContain("salespersonCode");
		assertThat(LinkedRecordType.BANK_ACCOUNT.shareableFields()).hasSize(16)
			.doesNotContain("vatRegistrationNo", "registrationNumber", "salespersonCode");
	}

}
