package io.contactsync.contact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Duplicate company contacts (docs/rules.md, "Duplicate search"). */
class DuplicateSearchApiTest extends DemoCompanyApiTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DuplicateSearch duplicates;

	@Autowired
	SearchStrings searchStrings;

	/**
	 * Five of the first company's six strings (name start, city, post code) are the
	 * second's too.
	 */
	private JsonNode[] similarPair(String tag) {
		JsonNode first = company("Dupvent" + tag + " Ventilasjon AS", "postCode", "8006");
		JsonNode second = company("Dupvent" + tag + " Ventilasjonsservice AS", "postCode", "8006");
		return new JsonNode[] { first, second };
	}

	@Test
	void similarNamesAreDuplicatesAtALowHitPercentButNotAtNinety() {
		JsonNode[] pair = similarPair("a");

		assertThat(duplicatesOf(no(pair[0]))).contains(no(pair[1]));
		setMarketing("searchHitPercent", 90);
		try {
			assertThat(duplicatesOf(no(pair[0]))).doesNotContain(no(pair[1]));
		}
		finally {
			setMarketing("searchHitPercent", 75);
		}
	}

	@Test
	void personContactsAreNeverIndexed() {
		JsonNode company = company("Dupvent Person AS", "postCode", "8006");
		JsonNode person = person("Dupvent Person AS", no(company));

		assertThat(strings(no(person))).isZero();
		assertThat(strings(no(company))).isPositive();
		assertThat(duplicatesOf(no(company))).doesNotContain(no(person));
	}

	@Test
	void aCompanyTurnedIntoAPersonLosesItsStrings() {
		JsonNode company = company("Blir Person AS", "postCode", "8006");
		assertThat(strings(no(company))).isPositive();

		patched("/api/v1/contacts/" + no(company), "type", "PERSON");

		assertThat(strings(no(company))).isZero();
	}

	@Test
	void aChangeRewritesTheStringsOfTheFieldsItTouchedAsAFullRebuildWould() {
		JsonNode company = company("Strengvent AS", "postCode", "8006", "address", "Storgata 1", "phoneNo",
				"22 33 44 55");
		Map<String, String> before = stringsOf(no(company));
		Map<String, String> writtenBefore = writtenBy(no(company));

		patched("/api/v1/contacts/" + no(company), "phoneNo", "22 33 99 88");
		Map<String, String> writtenAfter = writtenBy(no(company));
		writtenBefore.forEach((key, transaction) -> {
			if (key.equals("phoneNo LAST")) {
				assertThat(writtenAfter.get(key)).as(key).isNotEqualTo(transaction);
			}
			else {
				assertThat(writtenAfter.get(key)).as(key + ", not written again").isEqualTo(transaction);
			}
		});
		Map<String, String> phoneChanged = stringsOf(no(company));
		assertThat(phoneChanged).containsEntry("phoneNo LAST", "39988")
			.containsEntry("phoneNo FIRST", before.get("phoneNo FIRST"));
		assertThat(phoneChanged).hasSameSizeAs(before);
		before.forEach((key, value) -> {
			if (!key.startsWith("phoneNo")) {
				assertThat(phoneChanged).containsEntry(key, value);
			}
		});

		patched("/api/v1/contacts/" + no(company), "address", "", "name", "Strengventil AS");
		Map<String, String> addressEmptied = stringsOf(no(company));
		assertThat(addressEmptied).doesNotContainKeys("address FIRST", "address LAST")
			.containsEntry("name LAST", "TILAS")
			.hasSize(before.size() - 2);

		searchStrings.reindex(new String[] { no(company) });
		assertThat(stringsOf(no(company))).as("as a full rebuild writes them").isEqualTo(addressEmptied);

		// Strings missing that should be there (kept while maintenance was off) are
		// written by the next change of their field, not only updated where they are.
		jdbc.sql("DELETE FROM duplicate_search_string WHERE contact_no = ? AND field = 'phoneNo' AND part = 'FIRST'")
			.param(no(company))
			.update();
		patched("/api/v1/contacts/" + no(company), "phoneNo", "22 33 99 77");
		Map<String, String> phoneAgain = stringsOf(no(company));
		assertThat(phoneAgain).containsEntry("phoneNo FIRST", before.get("phoneNo FIRST"))
			.containsEntry("phoneNo LAST", "39977");
		searchStrings.reindex(new String[] { no(company) });
		assertThat(stringsOf(no(company))).as("as a full rebuild writes them").isEqualTo(phoneAgain);
	}

	@Test
	void withAutosearchASaveAnswersWithItsDuplicatesAndAPairMarkedSeparateStaysQuiet() {
		JsonNode first = company("Dupvent Auto Ventilasjon AS", "postCode", "8006");
		setMarketing("autosearchForDuplicates", true);
		try {
			Api.Response created = admin().post("/api/v1/contacts",
					Map.of("name", "Dupvent Auto Ventilasjonsservice AS", "postCode", "8006"));
			assertThat(created.status()).as("saved all the same").isEqualTo(201);
			assertThat(created.json().get("duplicates").findValuesAsString("duplicateContactNo")).contains(no(first));
			String second = no(created.json());

			Api.Response marked = admin().put("/api/v1/contacts/" + second + "/duplicates/" + no(first),
					Map.of("separateContacts", true));
			assertThat(marked.status()).isEqualTo(200);

			JsonNode changed = patched("/api/v1/contacts/" + second, "city", "Bodø");
			assertThat(changed.get("duplicates").findValuesAsString("duplicateContactNo")).doesNotContain(no(first));
			JsonNode listed = admin().get("/api/v1/contacts/" + second + "/duplicates").json();
			assertThat(listed.valueStream()
				.filter(entry -> entry.get("duplicateContactNo").asString().equals(no(first)))
				.map(entry -> entry.get("separateContacts").asBoolean())
				.toList()).as("listed, marked separate").containsExactly(true);
		}
		finally {
			setMarketing("autosearchForDuplicates", false);
		}
	}

	@Test
	void contactsCreatedFromRecordsAreIndexedToo() {
		JsonNode customer = customer("Dupvent Kunde Ventilasjon AS", "postCode", "8006");

		assertThat(strings(text(customer, "contactNo"))).isPositive();
	}

	@Test
	void theBatchJobRebuildsTheStringsOfEveryCompany() {
		JsonNode company = company("Gjenoppbygd AS", "postCode", "8006");
		jdbc.sql("DELETE FROM duplicate_search_string WHERE contact_no = ?").param(no(company)).update();
		assertThat(strings(no(company))).isZero();

		Api.Response job = admin().post("/api/v1/jobs", Map.of("type", "GENERATE_DUPLICATE_SEARCH_STRINGS"));
		assertThat(job.status()).as(job.toString()).isEqualTo(202);
		long id = job.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "SUCCEEDED".equals(admin().get("/api/v1/jobs/" + id).json().get("status").asString()));

		assertThat(strings(no(company))).isEqualTo(6);
	}

	/**
	 * The job that rebuilds the strings reports as many companies with duplicates as the
	 * cards list; it reported none.
	 */
	@Test
	void theRebuildJobCountsTheCompaniesWhoseCardsListADuplicate() {
		similarPair("rebuild");

		Api.Response job = admin().post("/api/v1/jobs", Map.of("type", "GENERATE_DUPLICATE_SEARCH_STRINGS"));
		assertThat(job.status()).as(job.toString()).isEqualTo(202);
		long id = job.json().get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "SUCCEEDED".equals(admin().get("/api/v1/jobs/" + id).json().get("status").asString()));

		List<String> companies = jdbc.sql("SELECT no FROM contact WHERE type = 'COMPANY'").query(String.class).list();
		long listed = companies.stream()
			.filter(no -> admin().get("/api/v1/contacts/" + no + "/duplicates")
				.json()
				.valueStream()
				.anyMatch(duplicate -> !duplicate.get("separateContacts").asBoolean()))
			.count();
		assertThat(listed).as("the pair made here at least").isGreaterThanOrEqualTo(2);
		assertThat(admin().get("/api/v1/jobs/" + id).json().get("duplicates").asLong()).isEqualTo(listed);
	}

	/**
	 * What a batch job counts for a page must be what the list says of each company: with
	 * a twin, with its only twin marked separate, and the rest of the data.
	 */
	@Test
	void theCountOfABatchJobAgreesWithTheListOfEachCompany() {
		JsonNode[] twins = similarPair("count");
		JsonNode[] separate = { company("Xylofonsep Orgelbygg AS", "postCode", "8006"),
				company("Xylofonsep Orgelbyggeri AS", "postCode", "8006") };
		assertThat(duplicatesOf(no(separate[0]))).contains(no(separate[1]));
		assertThat(admin()
			.put("/api/v1/contacts/" + no(separate[0]) + "/duplicates/" + no(separate[1]),
					Map.of("separateContacts", true))
			.status()).isEqualTo(200);
		List<String> companies = jdbc.sql("SELECT no FROM contact WHERE type = 'COMPANY'").query(String.class).list();
		long listed = companies.stream()
			.filter(no -> admin().get("/api/v1/contacts/" + no + "/duplicates")
				.json()
				.valueStream()
				.anyMatch(duplicate -> !duplicate.get("separateContacts").asBoolean()))
			.count();

		assertThat(duplicates.countWithDuplicates(companies)).isEqualTo(listed);
		assertThat(duplicates.countWithDuplicates(List.of(no(twins[0]), no(separate[0])))).isEqualTo(1);
		assertThat(duplicates.countWithDuplicates(List.of(no(separate[0])))).as("its only twin is separate").isZero();
	}

	/**
	 * A company's likeliest duplicate is marked separate, a lesser one is not: the
	 * company still counts, so a count that stops at the first duplicate it finds must
	 * not stop at one marked separate.
	 */
	@Test
	void aTwinMarkedSeparateDoesNotHideAnotherDuplicateFromTheCount() {
		JsonNode original = company("Ekkolodd Marinteknikk AS", "address", "Havnegata 9", "postCode", "8006", "phoneNo",
				"75 40 10 20");
		JsonNode twin = company("Ekkolodd Marinteknikk AS", "address", "Havnegata 9", "postCode", "8006", "phoneNo",
				"75 40 10 20");
		JsonNode cousin = company("Ekkolodd Marinteknikk AS", "address", "Havnegata 11", "postCode", "8006", "phoneNo",
				"75 40 10 20");
		assertThat(duplicatesOf(no(original))).containsExactly(no(twin), no(cousin));
		assertThat(admin()
			.put("/api/v1/contacts/" + no(original) + "/duplicates/" + no(twin), Map.of("separateContacts", true))
			.status()).isEqualTo(200);

		assertThat(duplicates.of(no(original), false)).extracting(DuplicateSearch.Duplicate::duplicateContactNo)
			.containsExactly(no(cousin));
		assertThat(duplicates.countWithDuplicates(List.of(no(original)))).isEqualTo(1);
	}

	/**
	 * A job's count for a page agrees with each company's list at every hit percent, for
	 * companies that share some of their strings and not others, so that a count done
	 * another way than the list (a page at a time, or stopping at a company's first
	 * duplicate) must give the same answer.
	 */
	@Test
	void theCountOfAPageAgreesWithEachListAtEveryHitPercent() {
		String[] endings = { "Mølle AS", "Mølledrift AS", "Sagbruk ANS" };
		String[] streets = { "Kvernveien 1", "Kvernveien 12", "Sagbruksgata 3", "Bruveien 40" };
		String[] phones = { "22 33 44 55", "22 33 44 56", "91 23 45 67" };
		List<String> page = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			page.add(no(company("Kvernfam " + endings[i % 3], "address", streets[i % 4], "postCode",
					i % 2 == 0 ? "8006" : "0150", "phoneNo", phones[i % 3])));
		}
		// two that share exactly 7 of their 10 strings: duplicates below 75 % only
		page.add(no(company("Grenseverdi Bakeri AS", "address", "Bakergata 5", "postCode", "8006", "phoneNo",
				"33 44 55 66")));
		page.add(no(company("Grenseverdi Konditori AS", "address", "Bakergata 7", "postCode", "8006", "phoneNo",
				"33 44 55 77")));
		// and some that share nothing with any company
		page.add(no(company("Ensom Fyrlykt AS", "address", "Fyrveien 99", "phoneNo", "77 11 22 33")));
		page.add(no(company("Stille Havbruk AS", "address", "Merdkaia 7", "phoneNo", "75 55 66 77")));
		Set<Long> counts = new TreeSet<>();
		try {
			for (int percent : new int[] { 30, 50, 60, 75, 90, 100 }) {
				setMarketing("searchHitPercent", percent);
				long listed = page.stream().filter(no -> !duplicates.of(no, false).isEmpty()).count();
				assertThat(duplicates.countWithDuplicates(page)).as("at %d %%", percent).isEqualTo(listed);
				counts.add(listed);
			}
		}
		finally {
			setMarketing("searchHitPercent", 75);
		}
		assertThat(counts).as("some have duplicates and some not, at some percent")
			.anyMatch(count -> count > 0 && count < page.size());
	}

	private List<String> duplicatesOf(String no) {
		Api.Response response = admin().get("/api/v1/contacts/" + no + "/duplicates");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().findValuesAsString("duplicateContactNo");
	}

	/** A contact's strings, "field PART" to the five characters. */
	private Map<String, String> stringsOf(String contactNo) {
		return perString(contactNo, "value");
	}

	/** The transaction that wrote each of a contact's strings. */
	private Map<String, String> writtenBy(String contactNo) {
		return perString(contactNo, "xmin::text");
	}

	/** A column of each of a contact's strings, by "field PART". */
	private Map<String, String> perString(String contactNo, String column) {
		Map<String, String> found = new TreeMap<>();
		jdbc.sql("SELECT field, part, " + column + " FROM duplicate_search_string WHERE contact_no = ?")
			.param(contactNo)
			.query((rs, n) -> found.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3)))
			.list();
		return found;
	}

	private long strings(String contactNo) {
		return jdbc.sql("SELECT count(*) FROM duplicate_search_string WHERE contact_no = ?")
			.param(contactNo)
			.query(Long.class)
			.single();
	}

}
