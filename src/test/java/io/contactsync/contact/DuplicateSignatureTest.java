package io.contactsync.contact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signature of a company, its search strings as one row of twelve slots that the
 * duplicate search compares candidates by, follows the strings through every kind of
 * write: a company made, a string changed, a field emptied and filled again, a rebuild of
 * many, a company turned into a person, a contact deleted.
 */
class DuplicateSignatureTest extends DemoCompanyApiTest {

	/** The slots' order: FIRST and LAST of each field in turn. */
	private static final List<String> FIELDS = List.of("name", "address", "city", "postCode", "phoneNo",
			"vatRegistrationNo");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchStrings searchStrings;

	@Autowired
	DuplicateSearch duplicates;

	@Test
	void followsTheStringsOfACompanyThroughEveryWrite() {
		JsonNode company = company("Signaturventil AS", "address", "Storgata 1", "postCode", "8006", "phoneNo",
				"22 33 44 55", "vatRegistrationNo", "923609016");
		String no = no(company);
		String[] made = signatureOf(no);
		assertThat(made).startsWith("SIGNA", "TILAS", "STORG", "GATA1");
		assertThat(made).endsWith("8006", "8006", "47223", "34455", "92360", "09016");
		assertInStep(no);

		patched("/api/v1/contacts/" + no, "phoneNo", "22 33 99 88");
		assertThat(signatureOf(no)[9]).as("phone LAST, updated in place").isEqualTo("39988");
		assertInStep(no);

		patched("/api/v1/contacts/" + no, "address", "");
		assertThat(signatureOf(no)[2]).as("address emptied").isNull();
		assertInStep(no);

		patched("/api/v1/contacts/" + no, "address", "Kvernveien 3", "city", "Bodø");
		assertThat(signatureOf(no)).startsWith("SIGNA", "TILAS", "KVERN", "EIEN3", "BODØ", "BODØ");
		assertInStep(no);

		String other = no(company("Signaturtvilling AS", "postCode", "8006"));
		searchStrings.reindex(new String[] { no, other });
		assertInStep(no);
		assertInStep(other);

		patched("/api/v1/contacts/" + no, "type", "PERSON");
		assertThat(signatureRows(no)).as("a person has no strings and no signature").isZero();

		admin().ifMatch(read("/api/v1/contacts/" + other).get("version").asLong()).delete("/api/v1/contacts/" + other);
		assertThat(signatureRows(other)).as("deleted with its contact").isZero();
	}

	@Test
	void aDuplicateSharesAsManyStringsAsItsSignatureSays() {
		String first = no(company("Signaturlikt Ventilasjon AS", "address", "Sjøgata 4", "postCode", "8006", "phoneNo",
				"75 50 40 30"));
		String second = no(company("Signaturlikt Ventilasjonsservice AS", "address", "Sjøgata 4", "postCode", "8006",
				"phoneNo", "75 50 40 31"));

		List<DuplicateSearch.Duplicate> found = duplicates.of(first, true);

		assertThat(found).extracting(DuplicateSearch.Duplicate::duplicateContactNo).contains(second);
		found.forEach(duplicate -> assertThat(duplicate.matchingStrings()).as(duplicate.duplicateContactNo())
			.isEqualTo(duplicate.matches().size()));
	}

	@Test
	void theDatabaseRefusesAStringOfAFieldWithoutASlot() {
		String no = no(company("Signaturfelt AS"));

		assertThatThrownBy(() -> jdbc.sql(
				"INSERT INTO duplicate_search_string (contact_no, field, part, value) VALUES (?, 'email', 'FIRST', 'POST')")
			.param(no)
			.update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("duplicate_search_string_field_known");
	}

	/** The contact's signature holds exactly its strings, each in its slot. */
	private void assertInStep(String no) {
		String[] expected = new String[12];
		List<String> strings = new ArrayList<>();
		jdbc.sql("SELECT field, part, value FROM duplicate_search_string WHERE contact_no = ?")
			.param(no)
			.query((rs, n) -> {
				int slot = FIELDS.indexOf(rs.getString(1)) * 2 + ("FIRST".equals(rs.getString(2)) ? 0 : 1);
				expected[slot] = rs.getString(3);
				return strings.add(rs.getString(3));
			})
			.list();
		assertThat(strings).as("has strings").isNotEmpty();
		assertThat(signatureOf(no)).as(no + " " + Arrays.toString(expected)).containsExactly(expected);
	}

	private String[] signatureOf(String no) {
		Map<String, String[]> found = new HashMap<>();
		jdbc.sql("SELECT strings FROM duplicate_signature WHERE contact_no = ?")
			.param(no)
			.query((rs, n) -> found.put(no, (String[]) rs.getArray(1).getArray()))
			.list();
		assertThat(found).as("a signature for " + no).containsKey(no);
		return found.get(no);
	}

	private long signatureRows(String no) {
		return jdbc.sql("SELECT count(*) FROM duplicate_signature WHERE contact_no = ?")
			.param(no)
			.query(Long.class)
			.single();
	}

}
