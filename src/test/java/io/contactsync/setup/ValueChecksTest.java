package io.contactsync.setup;

import java.util.Map;

import io.contactsync.platform.TransactionScoped;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of single values (docs/rules.md, "Checked data"), with numbers as they are
 * written in the real world.
 */
class ValueChecksTest {

	@Test
	void aPhoneNumberIsNormalisedToE164InTheRecordsCountryOrNorway() {
		assertThat(ValueChecks.e164("22 33 44 55", "NO")).isEqualTo("+4722334455");
		assertThat(ValueChecks.e164("+47 22334455", "NO")).isEqualTo("+4722334455");
		assertThat(ValueChecks.e164("0047 22 33 44 55", "SE")).isEqualTo("+4722334455");
		assertThat(ValueChecks.e164("+47 912 34 567", "NO")).isEqualTo("+4791234567");
		assertThat(ValueChecks.e164("040 1234 5600", "DE")).isEqualTo("+494012345600");
		assertThat(ValueChecks.e164("08-123 456 78", "SE")).isEqualTo("+46812345678");
		assertThat(ValueChecks.e164("+47 123", "NO")).as("too short: no E.164 form").isEmpty();
		assertThat(ValueChecks.e164("", "NO")).isEmpty();
	}

	@Test
	void theRegionIsTheRecordsCountryWhereItIsOneElseNorway() {
		assertThat(ValueChecks.region("SE")).isEqualTo("SE");
		assertThat(ValueChecks.region(null)).isEqualTo("NO");
		assertThat(ValueChecks.region("NORGE")).as("a code of the list that is no region").isEqualTo("NO");
	}

	@Test
	void aPhoneNumberMustBeReadableAndOfItsCountrysLength() {
		assertThat(ValueChecks.phone("phoneNo", "22 33 44 55", "NO")).isNull();
		assertThat(ValueChecks.phone("phoneNo", "+46 8 123 456 78", "NO")).isNull();
		assertThat(ValueChecks.phone("phoneNo", "", "NO")).isNull();
		assertThat(ValueChecks.phone("phoneNo", "22 33 44", "NO").message()).isEqualTo("check.phone.length");
		assertThat(ValueChecks.phone("phoneNo", "+47 22 33 44 55 66 77", "NO").message())
			.isEqualTo("check.phone.length");
		assertThat(ValueChecks.phone("faxNo", "+", "NO").message()).isEqualTo("check.phone.unreadable");
		assertThat(ValueChecks.phone("faxNo", "+", "NO").field()).isEqualTo("faxNo");
	}

	/**
	 * Within a transaction a number is read once and the reading kept: the answers must
	 * be those given outside one, a number read in another region is read anew, and an
	 * unreadable number stays unreadable when asked again.
	 */
	@Test
	void aNumberReadOnceInATransactionAnswersAsOutsideOne() {
		String swedishInNorway = ValueChecks.e164("08-123 456 78", "NO");
		String unreadable = ValueChecks.phone("faxNo", "+", "NO").message();
		TransactionSynchronizationManager.initSynchronization();
		try {
			for (int asked = 0; asked < 2; asked++) {
				assertThat(ValueChecks.e164("08-123 456 78", "SE")).isEqualTo("+46812345678");
				assertThat(ValueChecks.e164("08-123 456 78", "NO")).isEqualTo(swedishInNorway);
				assertThat(ValueChecks.phone("faxNo", "+", "NO").message()).isEqualTo(unreadable);
				assertThat(ValueChecks.phone("phoneNo", "22 33 44 55", "NO")).isNull();
			}
			assertThat((Map<?, ?>) TransactionSynchronizationManager.getResource(TransactionScoped.class))
				.as("four readings kept, each asked for twice")
				.hasSize(4);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
			TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScoped.class);
		}
	}

	@Test
	void eachEmailAddressMustBeOneWithoutSpaces() {
		assertThat(ValueChecks.emails("email", "post@firma.no")).isEmpty();
		assertThat(ValueChecks.emails("email", "post@firma.no; faktura@firma.no;")).isEmpty();
		assertThat(ValueChecks.emails("email", "kari.nordmann@example.no")).isEmpty();
		assertThat(ValueChecks.emails("email", "post @firma.no")).hasSize(1);
		assertThat(ValueChecks.emails("email", "post@firma")).hasSize(1);
		assertThat(ValueChecks.emails("email", "post@firma.no; ikke en adresse; x@y"))
			.extracting(finding -> finding.arguments().get(0))
			.containsExactly("ikke en adresse", "x@y");
	}

	@Test
	void anIbanMustFitMod97AndItsCountrysLength() {
		assertThat(ValueChecks.iban("iban", "NO9386011117947")).isNull();
		assertThat(ValueChecks.iban("iban", "NO93 8601 1117 947")).as("as printed").isNull();
		assertThat(ValueChecks.iban("iban", "GB82WEST12345698765432")).isNull();
		assertThat(ValueChecks.iban("iban", "DE89370400440532013000")).isNull();
		assertThat(ValueChecks.iban("iban", "NO9386011117948").message()).as("a wrong digit")
			.isEqualTo("check.iban.checkDigits");
		assertThat(ValueChecks.iban("iban", "GB82WEST12345698765431").message()).isEqualTo("check.iban.checkDigits");
		assertThat(ValueChecks.iban("iban", "NO938601111794").message()).as("one digit short")
			.isEqualTo("check.iban.form");
		assertThat(ValueChecks.iban("iban", "US9386011117947").message()).as("no IBANs in the US")
			.isEqualTo("check.iban.country");
		assertThat(ValueChecks.iban("iban", "")).isNull();
	}

	@Test
	void aBicHasEightOrElevenCharactersAndACountry() {
		assertThat(ValueChecks.bic("swiftCode", "DNBANOKK")).isNull();
		assertThat(ValueChecks.bic("swiftCode", "DNBANOKKXXX")).isNull();
		assertThat(ValueChecks.bic("swiftCode", "NWBKGB2L")).isNull();
		assertThat(ValueChecks.bic("swiftCode", "DNBAXXKK")).as("no country XX").isNotNull();
		assertThat(ValueChecks.bic("swiftCode", "DNBANOK")).as("seven characters").isNotNull();
		assertThat(ValueChecks.bic("swiftCode", "DNBANOKKX")).as("nine characters").isNotNull();
	}

	@Test
	void aNorwegianOrganisationNumberHasItsMod11CheckDigit() {
		assertThat(VatNumbers.isOrganisationNumber("923609016")).isTrue();
		assertThat(VatNumbers.isOrganisationNumber("987654325")).isTrue();
		assertThat(VatNumbers.isOrganisationNumber("910000012")).isTrue();
		assertThat(VatNumbers.isOrganisationNumber("923609017")).isFalse();
		assertThat(VatNumbers.isOrganisationNumber("987654321")).as("the demo's old number").isFalse();
		assertThat(VatNumbers.isOrganisationNumber("91234567" + "0")).as("check digit 10: no number").isFalse();
		assertThat(VatNumbers.isOrganisationNumber("92360901")).isFalse();
		assertThat(VatNumbers.isOrganisationNumber("92360901X")).isFalse();
	}

	@Test
	void aNorwegianVatNumberIsTheOrganisationNumberOrItsNoMvaForm() {
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "923609016", "NO")).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "NO923609016MVA", null)).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "NO 923 609 016 MVA", "NO")).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "923609017", "NO").message())
			.isEqualTo("check.vat.organisationNumber");
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "NO987654321MVA", "NO").message())
			.isEqualTo("check.vat.organisationNumber");
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "NO923609016", "NO").message())
			.as("the NO form ends in MVA")
			.isEqualTo("check.vat.norwegianForm");
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "9236090", "NO").message())
			.isEqualTo("check.vat.norwegianForm");
	}

	@Test
	void otherCountriesVatNumbersHaveTheirPublishedForms() {
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "SE556703748501", "SE")).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "DE123456789", "NO")).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "DK13585628", null)).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "GB980780684", null)).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "NL004495445B01", null)).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "CHE-116.281.710 MWST", null)).isNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "123456789", "DE")).as("the record's country")
			.isNull();
		var wrong = ValueChecks.vatRegistrationNo("vatRegistrationNo", "SE5567037485", "SE");
		assertThat(wrong.message()).as("a Swedish number ends in 01").isEqualTo("check.vat.countryForm");
		assertThat(wrong.arguments()).containsExactly("SE5567037485", "SE", "SE123456789001");
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "DE12345678", null)).isNotNull();
		assertThat(ValueChecks.vatRegistrationNo("vatRegistrationNo", "US123", null)).as("a form not known").isNull();
	}

	@Test
	void anOrganisationNumberIsTheSameWhicheverFormItWasWrittenIn() {
		assertThat(ValueChecks.organisationNumber("NO923609016MVA", null)).isEqualTo("923609016");
		assertThat(ValueChecks.organisationNumber("923 609 016", "NO")).isEqualTo("923609016");
		assertThat(ValueChecks.organisationNumber("556703748501", "SE")).isEqualTo("SE556703748501");
		assertThat(ValueChecks.organisationNumber("SE556703748501", "NO")).isEqualTo("SE556703748501");
		assertThat(ValueChecks.organisationNumber("", "NO")).isEmpty();
	}

}
