package io.contactsync.platform.table;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.Page;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.contactsync.support.NewRecord.aCompany;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search's ways to a page, on 24 contacts of its own, a first walk of 8 of them, and
 * walking on from one match in 2 walked: each way taken where its words call for it, and
 * each answering what reading every contact would.
 */
class WordSearchTest extends DemoCompanyApiTest {

	private static final int WINDOW = 8;

	private static final int WALK_FROM_ONE_IN = 2;

	/** Which of the 24 contacts hold which word. */
	private static final Map<String, List<Integer>> HOLDERS = Map.of("Vanlig", List.of(0, 1, 2, 3), "Spredt",
			List.of(1, 3, 5, 7, 9, 11), "Tynn", List.of(0, 2, 4, 6, 21), "Sjelden", List.of(11, 15, 22));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private String tag;

	/** The contacts' numbers, in number order, and their names. */
	private final List<String> nos = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	@BeforeEach
	void twentyFourContacts() {
		tag = unique();
		for (int i = 0; i < 24; i++) {
			List<String> words = new ArrayList<>(List.of("Ord" + i));
			for (Map.Entry<String, List<Integer>> holders : HOLDERS.entrySet()) {
				if (holders.getValue().contains(i)) {
					words.add(holders.getKey() + tag);
				}
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
	void aWordHalfTheFirstWalkHoldsIsWalkedOn() {
		WordSearch.Found found = find(List.of("SPREDT" + tag), 6, null);

		assertThat(found.way()).isEqualTo(WordSearch.Way.WALKED_ON);
		assertThat(nos(found)).isEqualTo(everyMatch(List.of("spredt" + tag), 6, null))
			.containsExactly(nos.get(1), nos.get(3), nos.get(5), nos.get(7), nos.get(9), nos.get(11));
	}

	@Test
	void whenTheMatchesThinOutBeyondTheWalkOnTheRestIsGathered() {
		// Four in the first eight: walked on through the next four (two for each of the
		// two still wanted), which hold none.
		WordSearch.Found found = find(List.of("tynn" + tag), 6, null);

		assertThat(found.way()).isEqualTo(WordSearch.Way.GATHERED);
		assertThat(nos(found)).isEqualTo(everyMatch(List.of("tynn" + tag), 6, null))
			.containsExactly(nos.get(0), nos.get(2), nos.get(4), nos.get(6), nos.get(21));
	}

	@Test
	void theGatheringIsPlannedForItsValuesUntilTheTransactionEnds() {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		String walked = transaction.execute(status -> {
			find(List.of("vanlig" + tag), 3, null);
			return planCacheMode();
		});
		String gathered = transaction.execute(status -> {
			find(List.of("sjelden" + tag), 3, null);
			return planCacheMode();
		});

		assertThat(walked).isEqualTo("auto");
		assertThat(gathered).isEqualTo("force_custom_plan");
		String after = transaction.execute(status -> planCacheMode());
		assertThat(after).isEqualTo("auto");
	}

	private String planCacheMode() {
		return jdbc.sql("SHOW plan_cache_mode").query(String.class).single();
	}

	@Test
	void aWordTheFirstWalkDoesNotFindIsGatheredFromTheIndex() {
		WordSearch.Found found = find(List.of("sjelden" + tag), 3, null);

		assertThat(found.way()).isEqualTo(WordSearch.Way.GATHERED);
		assertThat(nos(found)).isEqualTo(everyMatch(List.of("sjelden" + tag), 3, null))
			.containsExactly(nos.get(11), nos.get(15), nos.get(22));
		assertThat(find(List.of("ingen" + tag), 3, null).rows()).isEmpty();
	}

	@Test
	void everyWordMustBeHeldAndAPageGoesOnAfterItsCursor() {
		assertThat(nos(find(List.of("spredt" + tag, "sjelden" + tag), 3, null))).containsExactly(nos.get(11));

		// After the 19th only four are left: the first walk reads them all.
		WordSearch.Found rest = find(List.of("sjelden" + tag), 3, nos.get(19));
		assertThat(rest.way()).isEqualTo(WordSearch.Way.WINDOW);
		assertThat(nos(rest)).containsExactly(nos.get(22));
	}

	@Test
	void theApiPagesThroughASearchToItsEnd() {
		List<String> paged = new ArrayList<>();
		String next = null;
		do {
			JsonNode page = admin()
				.get("/api/v1/contacts?limit=2&q=spredt" + tag + (next == null ? "" : "&cursor=" + next))
				.json();
			page.get("items").forEach(item -> paged.add(item.get("no").asString()));
			next = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (next != null);

		assertThat(paged).isEqualTo(everyMatch(List.of("spredt" + tag), 24, null)).hasSize(6);
	}

	@Test
	void aRecordRenamedBetweenFindingAndReadingIsNotShownButKeepsItsPlace() {
		String renamed = nos.get(0);
		// Another user renames the first match once the walk has found it, just before
		// the records found are read.
		JdbcClient renamingBeforeTheRead = (JdbcClient) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { JdbcClient.class }, (proxy, method, args) -> {
					if (method.getName().equals("sql") && ((String) args[0]).contains("no = ANY(:found)")) {
						long version = admin().get("/api/v1/contacts/" + renamed).json().get("version").asLong();
						assertThat(admin().ifMatch(version)
							.patch("/api/v1/contacts/" + renamed, Map.of("name", "Omdøpt " + tag + " AS"))
							.status()).isEqualTo(200);
					}
					return method.invoke(jdbc, args);
				});

		WordSearch.Found found = find(renamingBeforeTheRead, List.of("vanlig" + tag), 3, null);

		assertThat(found.way()).isEqualTo(WordSearch.Way.WINDOW);
		assertThat(nos(found)).as("the records as they stand when read").containsExactly(nos.get(1), nos.get(2));
		assertThat(found.nos()).as("where the next page begins").containsExactly(renamed, nos.get(1), nos.get(2));
	}

	@Test
	void aRecordGoneBetweenFindingAndReadingLeavesTheNextPageWhereItWas() {
		Row first = new Row(Map.of("no", "A1"), 1);
		Row third = new Row(Map.of("no", "A3"), 1);

		Page<Row> page = new WordSearch.Found(List.of("A1", "A2", "A3"), List.of(first, third), WordSearch.Way.WINDOW)
			.page(2);

		assertThat(page.items()).containsExactly(first);
		assertThat(Page.decode(page.next())).isEqualTo("A2");
	}

	private WordSearch.Found find(List<String> words, int wanted, String after) {
		return find(jdbc, words, wanted, after);
	}

	private WordSearch.Found find(JdbcClient jdbc, List<String> words, int wanted, String after) {
		List<String> conditions = new ArrayList<>(List.of("no = ANY(:mine)"));
		Map<String, Object> params = new HashMap<>(Map.of("mine", nos.toArray(String[]::new)));
		if (after != null) {
			conditions.add("no > :after");
			params.put("after", after);
		}
		return new WordSearch(jdbc, "contact",
				(rs, n) -> new Row(Map.of("no", rs.getString("no")), rs.getLong("version")), WINDOW, WALK_FROM_ONE_IN)
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
