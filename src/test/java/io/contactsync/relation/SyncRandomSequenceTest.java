package io.contactsync.relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of edits on both sides of linked records; after each edit every linked
 * pair must agree on every field the (default) sync field map shares. The seed is
 * printed; run again with {@code -Dsync.seed=<seed>} to replay a failure, and with
 * {@code -Dsync.steps=<n>} for a longer run.
 */
class SyncRandomSequenceTest extends DemoCompanyApiTest {

	private static final List<String> COMMON = List.of("name", "name2", "address", "address2", "city", "postCode",
			"county", "countryRegionCode", "phoneNo", "mobilePhoneNo", "faxNo", "email", "homePage", "territoryCode",
			"currencyCode", "languageCode");

	private static final Map<String, List<String>> SHARED = Map.of("customers",
			concat(COMMON, "vatRegistrationNo", "registrationNumber", "salespersonCode"), "vendors",
			concat(COMMON, "vatRegistrationNo", "registrationNumber"), "bank-accounts", COMMON);

	private static final Map<String, List<String>> CODES = Map.of("countryRegionCode", List.of("NO", "SE", "DK"),
			"territoryCode", List.of("OSLO", "VEST", "NORD"), "currencyCode", List.of("EUR", "SEK", "USD"),
			"languageCode", List.of("NOR", "ENU", "SVE"), "salespersonCode", List.of("OF", "KH", "PB"));

	/** A contact and the records linked to it, by resource path. */
	private record Group(String contact, Map<String, String> records) {
	}

	@Test
	void linkedRecordsAgreeAfterEveryRandomEdit() {
		long seed = Long.getLong("sync.seed", System.nanoTime());
		int steps = Integer.getInteger("sync.steps", 150);
		System.out.println(
				"SyncRandomSequenceTest seed=" + seed + " steps=" + steps + " (replay with -Dsync.seed=" + seed + ")");
		Random random = new Random(seed);
		List<Group> groups = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			JsonNode customer = customer("Tilfeldig " + i + " AS");
			String contact = text(customer, "contactNo");
			String vendor = no(create("/api/v1/contacts/" + contact + "/create-vendor", Map.of()));
			String bank = no(create("/api/v1/contacts/" + contact + "/create-bank-account", Map.of()));
			groups.add(new Group(contact, Map.of("customers", no(customer), "vendors", vendor, "bank-accounts", bank)));
		}

		for (int step = 0; step < steps; step++) {
			Group group = groups.get(random.nextInt(groups.size()));
			int side = random.nextInt(4);
			String resource = side == 0 ? "contacts" : List.of("customers", "vendors", "bank-accounts").get(side - 1);
			String no = side == 0 ? group.contact() : group.records().get(resource);
			List<String> fields = side == 0 ? SHARED.get("customers") : SHARED.get(resource);
			String field = fields.get(random.nextInt(fields.size()));
			Object value = valueFor(field, random);
			String path = "/api/v1/" + resource + "/" + no;

			Api.Response response = patch(path, field, value);

			String what = "seed " + seed + ", step " + step + ": " + field + "=" + value + " on " + path;
			assertThat(response.status()).as(what + " -> " + response).isEqualTo(200);
			// Agreeing is not enough: a PATCH that changed nothing anywhere agrees too.
			assertThat(shown(response.json().get(field))).as(what + ": the value written").isEqualTo(value);
			assertAgree(group, what);
			assertThat(shown(read("/api/v1/contacts/" + group.contact()).get(field)))
				.as(what + ": the contact has the value written")
				.isEqualTo(value);
		}
	}

	private void assertAgree(Group group, String what) {
		JsonNode contact = read("/api/v1/contacts/" + group.contact());
		group.records().forEach((resource, no) -> {
			JsonNode record = read("/api/v1/" + resource + "/" + no);
			for (String field : SHARED.get(resource)) {
				assertThat(record.get(field)).as(what + ": " + resource + " " + no + "." + field)
					.isEqualTo(contact.get(field));
			}
		});
	}

	/** A field as the API shows it, with an empty code shown as no code. */
	private static String shown(JsonNode value) {
		return value == null || value.isNull() ? "" : value.asString();
	}

	private static Object valueFor(String field, Random random) {
		if (CODES.containsKey(field)) {
			List<String> codes = CODES.get(field);
			return random.nextInt(5) == 0 ? "" : codes.get(random.nextInt(codes.size()));
		}
		int n = random.nextInt(1000);
		return switch (field) {
			case "name" -> "Firma " + n + " AS";
			case "phoneNo", "mobilePhoneNo", "faxNo" -> "+47 " + (10_000_000 + random.nextInt(89_999_999));
			case "email" -> "post" + n + "@firma.no";
			case "homePage" -> "www.firma" + n + ".no";
			case "postCode" -> String.valueOf(1000 + n);
			case "vatRegistrationNo" -> "NO" + organisationNumber(90_000_000 + n) + "MVA";
			default -> random.nextInt(4) == 0 ? "" : field + " " + n;
		};
	}

	/**
	 * Eight digits and the MOD11 check digit that makes them an organisation number,
	 * which the data checks ask for; a base whose check digit would be 10 takes the next.
	 */
	private static String organisationNumber(int base) {
		int[] weights = { 3, 2, 7, 6, 5, 4, 3, 2 };
		for (int candidate = base;; candidate++) {
			String digits = String.valueOf(candidate);
			int sum = 0;
			for (int i = 0; i < 8; i++) {
				sum += (digits.charAt(i) - '0') * weights[i];
			}
			int check = 11 - sum % 11;
			if (check != 10) {
				return digits + (check == 11 ? 0 : check);
			}
		}
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return List.copyOf(all);
	}

}
