package io.contactsync.platform.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.contactsync.support.NewRecord.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search's three ways to a page, on 24 contacts of its own and a first walk of 8 of
 * them: each way taken where its words call for it, and each answering what reading every
 * record would.
 */
class WordSearchTest extends DemoCompanyApiTest {

	private static final int WINDOW = 8;

	@Autowired
	JdbcClient jdbc;

	private String tag;

	/** The contacts' numbers, in number order, and their names. */
	private final List<String> nos = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	@BeforeEach
	void twentyFourContacts() {
		tag = unique();
		for (int i = 0; i < 24; i++) {
			List<String> words = new ArrayList<>(List.of("Ord" + i));
			if (i <= 3) {
				words.add("Vanlig" + tag);
			}
			if (i == 2 || i == 10 || i == 20 || i == 22) {
				words.add("Spredt" + tag);
			}
			if (i == 15 || i == 22) {
				words.add("Sjelden" + tag);
			}
			String name = String.join(" ", words) + " AS";
			nos.add(no(create(aCompany().named(name))));
			names.add(name);
		}
		assertThat(nos).as("numbers follow creation").isSortedAccordingTo(Comparator.naturalOrder());
	}

	@Test
	void aWordTheFirstWalkHoldsEnoughOfFillsThePageFromIt() {
		WordSearch.Found found = find(List.of("vanlig" + tag), 3, null);

		assertThat(found.way()).isEqualTo(WordSearch.Way.WINDOW);
		assertThat(nos(found)).containsExactly(nos.get(0), nos.get(1), nos.get(2));
	}

	@Test
	void aWordTheFirstWalkFindsButCannotFillThePageWithIsWalkedOn() {
		WordSearch.Found found = find(List.of("SPREDT" + tag), 3, null);

		assertThat(found.way()).isEqualTo(WordSearch.Way.WALKED_ON);
		assertThat(nos(found)).isEqualTo(everyMatch(List.of("spredt" + tag), 3, null))
			.containsExactly(nos.get(2), nos.get(10), nos.get(20));
	}

	@Test
	void aWordTheFirstWalkDoesNotFindIsGatheredFromTheIndex() {
		WordSearch.Found found = find(List.of("sjelden" + tag), 3, null);

		assertThat(found.way()).isEqualTo(WordSearch.Way.GATHERED);
		assertThat(nos(found)).isEqualTo(everyMatch(List.of("sjelden" + tag), 3, null))
			.containsExactly(nos.get(15), nos.get(22));
		assertThat(find(List.of("ingen" + tag), 3, null).rows()).isEmpty();
	}

	@Test
	void everyWordMustBeHeldAndAPageGoesOnAfterItsCursor() {
		assertThat(nos(find(List.of("spredt" + tag, "sjelden" + tag), 3, null))).containsExactly(nos.get(22));

		// After the 19th only five are left: the first walk reads them all.
		WordSearch.Found rest = find(List.of("spredt" + tag), 3, nos.get(19));
		assertThat(rest.way()).isEqualTo(WordSearch.Way.WINDOW);
		assertThat(nos(rest)).containsExactly(nos.get(20), nos.get(22));
	}

	@Test
	void oneMatchInTwoHundredWalkedMakesAWordCommon() {
		assertThat(WordSearch.walkOn(5, 1000)).isTrue();
		assertThat(WordSearch.walkOn(4, 1000)).isFalse();
		assertThat(WordSearch.walkOn(0, 1000)).isFalse();
	}

	private WordSearch.Found find(List<String> words, int wanted, String after) {
		List<String> conditions = new ArrayList<>(List.of("no = ANY(:mine)"));
		Map<String, Object> params = new java.util.HashMap<>(Map.of("mine", nos.toArray(String[]::new)));
		if (after != null) {
			conditions.add("no > :after");
			params.put("after", after);
		}
		return new WordSearch(jdbc, "contact",
				(rs, n) -> new Row(Map.of("no", rs.getString("no")), rs.getLong("version")), WINDOW)
			.find(conditions, params, words, wanted);
	}

	/** What reading the contacts one by one finds. */
	private List<String> everyMatch(List<String> words, int wanted, String after) {
		List<String> matches = new ArrayList<>();
		for (int i = 0; i < nos.size() && matches.size() < wanted; i++) {
			String name = names.get(i).toLowerCase();
			if ((after == null || nos.get(i).compareTo(after) > 0)
					&& words.stream().allMatch(word -> name.contains(word.toLowerCase()))) {
				matches.add(nos.get(i));
			}
		}
		return matches;
	}

	private static List<String> nos(WordSearch.Found found) {
		return found.rows().stream().map(row -> row.text("no")).toList();
	}

}
