package io.contactsync.contact;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static io.contactsync.contact.MergeFixtures.MERGE;
import static io.contactsync.contact.MergeFixtures.linkedCompanies;
import static io.contactsync.contact.MergeFixtures.moves;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merging contacts (docs/merge.md): the preview, a merge moving every kind of reference,
 * conflicts refused with nothing written, merged numbers answering where they went, undo,
 * and merges racing each other.
 */
class MergeApiTest extends DemoCompanyApiTest {

	@Autowired
	private JdbcClient jdbc;

	/** Three companies, each holding references of every kind. */
	private record World(String a, String b, String c, String customer, String vendor, String person, String quote,
			long interaction, String separate) {
	}

	private World world(String tag) {
		String a = no(company("Fjellvann " + tag + " AS", "city", "Bodø"));
		JsonNode customer = customer("Fjellvann " + tag + " Kunde AS", "city", "Tromsø");
		String b = text(customer, "contactNo");
		JsonNode vendor = vendor("Fjellvann " + tag + " Lev AS");
		String c = text(vendor, "contactNo");
		String person = no(person("Kari " + tag, b));
		patched("/api/v1/customers/" + no(customer), "primaryContactNo", b);
		patched("/api/v1/vendors/" + no(vendor), "primaryContactNo", c);
		String quote = no(create("/api/v1/sales-quotes", Map.of("sellToContactNo", b)));
		Api.Response logged = admin().post("/api/v1/contacts/" + c + "/interactions",
				Map.of("interactionTemplateCode", "TELEFON", "description", "Ringte " + tag));
		assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
		assertThat(
				admin().post("/api/v1/contacts/" + c + "/business-relations", Map.of("businessRelationCode", "ADVOKAT"))
					.status())
			.isEqualTo(201);
		String separate = no(company("Annen " + tag + " AS"));
		assertThat(admin().put("/api/v1/contacts/" + b + "/duplicates/" + separate, Map.of("separateContacts", true))
			.status()).isEqualTo(200);
		return new World(a, b, c, no(customer), no(vendor), person, quote, logged.json().get("entryNo").asLong(),
				separate);
	}

	private static Map<String, Object> request(World w, Object... more) {
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("contactNos", List.of(w.a(), w.b(), w.c()), "survivorNo", w.a()));
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	@Test
	void thePreviewShowsEachFieldWhatMovesAndWritesNothing() {
		World w = world(unique());
		long versionOfB = read("/api/v1/contacts/" + w.b()).get("version").asLong();

		Api.Response preview = admin().post(MERGE + "/preview", request(w, "fields", Map.of("city", w.b())));

		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		JsonNode answer = preview.json();
		assertThat(text(answer, "survivorNo")).isEqualTo(w.a());
		JsonNode city = null;
		JsonNode name = null;
		for (JsonNode field : answer.get("fields")) {
			if (field.get("field").asString().equals("city")) {
				city = field;
			}
			if (field.get("field").asString().equals("name")) {
				name = field;
			}
		}
		assertThat(city.get("values").get(w.a()).asString()).isEqualTo("Bodø");
		assertThat(city.get("values").get(w.b()).asString()).isEqualTo("Tromsø");
		assertThat(text(city, "value")).as("chosen from B").isEqualTo("Tromsø");
		assertThat(text(city, "from")).isEqualTo(w.b());
		assertThat(text(name, "from")).as("the survivor's by default").isEqualTo(w.a());
		assertThat(moves(answer, "PERSON")).containsExactly(w.person());
		assertThat(moves(answer, "BUSINESS_RELATION")).contains("KUNDE", "LEV", "ADVOKAT");
		assertThat(moves(answer, "DOCUMENT")).containsExactly("SALES_QUOTE/" + w.quote());
		assertThat(moves(answer, "INTERACTION")).containsExactly(Long.toString(w.interaction()));
		assertThat(moves(answer, "DUPLICATE_MARK")).containsExactly(w.separate());
		assertThat(moves(answer, "PRIMARY_CONTACT")).containsExactly("CUSTOMER/" + w.customer(),
				"VENDOR/" + w.vendor());
		assertThat(answer.get("conflicts").isEmpty()).isTrue();
		assertThat(read("/api/v1/contacts/" + w.b()).get("version").asLong()).as("nothing written")
			.isEqualTo(versionOfB);
		assertThat(text(read("/api/v1/contacts/" + w.person()), "companyNo")).isEqualTo(w.b());
	}

	@Test
	void aThreeWayMergeMovesEveryKindOfReferenceRaisingEachRecordOnce() {
		World w = world(unique());
		long survivor = version("/api/v1/contacts/" + w.a());
		long customer = version("/api/v1/customers/" + w.customer());
		long vendor = version("/api/v1/vendors/" + w.vendor());
		long person = version("/api/v1/contacts/" + w.person());
		long quote = version("/api/v1/sales-quotes/" + w.quote());
		String nameOfB = text(read("/api/v1/contacts/" + w.b()), "name");

		Api.Response merged = admin().post(MERGE, request(w, "fields", Map.of("name", w.b())));

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.json().get("mergedNos").toString()).contains(w.b(), w.c());
		JsonNode a = read("/api/v1/contacts/" + w.a());
		assertThat(text(a, "name")).isEqualTo(nameOfB);
		assertThat(a.get("version").asLong()).isEqualTo(survivor + 1);
		assertThat(text(a, "contactBusinessRelation")).isEqualTo("MULTIPLE");
		JsonNode c = read("/api/v1/customers/" + w.customer());
		assertThat(text(c, "contactNo")).isEqualTo(w.a());
		assertThat(text(c, "primaryContactNo")).isEqualTo(w.a());
		assertThat(text(c, "name")).as("linked to the survivor as a link with its values").isEqualTo(nameOfB);
		assertThat(c.get("version").asLong()).isEqualTo(customer + 1);
		JsonNode v = read("/api/v1/vendors/" + w.vendor());
		assertThat(text(v, "contactNo")).isEqualTo(w.a());
		assertThat(text(v, "primaryContactNo")).isEqualTo(w.a());
		assertThat(v.get("version").asLong()).isEqualTo(vendor + 1);
		assertThat(jdbc
			.sql("SELECT count(*) FROM separate_contacts WHERE least(contact_no, other_contact_no) = least(?, ?)"
					+ " AND greatest(contact_no, other_contact_no) = greatest(?, ?)")
			.params(w.a(), w.separate(), w.a(), w.separate())
			.query(Long.class)
			.single()).as("the mark 'separate contacts' is the survivor's now").isEqualTo(1);
		JsonNode p = read("/api/v1/contacts/" + w.person());
		assertThat(text(p, "companyNo")).isEqualTo(w.a());
		assertThat(p.get("version").asLong()).isEqualTo(person + 1);
		JsonNode q = read("/api/v1/sales-quotes/" + w.quote());
		assertThat(text(q, "sellToContactNo")).isEqualTo(w.a());
		assertThat(text(q, "sellToCustomerNo")).isEqualTo(w.customer());
		assertThat(q.get("version").asLong()).isEqualTo(quote + 1);
		assertThat(admin().get("/api/v1/contacts/" + w.a() + "/interactions").json().toString())
			.contains("\"entryNo\":" + w.interaction());
		assertThat(admin().get("/api/v1/contacts/" + w.a() + "/business-relations").json().toString()).contains("KUNDE",
				"LEV", "ADVOKAT");

		JsonNode log = admin().get("/api/v1/change-log?recordType=CONTACT&no=" + w.b()).json().get("items");
		assertThat(log.toString()).as("the merged contact's history stays, ending in the merge")
			.contains("\"field\":\"mergedInto\"", "\"newValue\":\"" + w.a() + "\"");
		long cause = -1;
		for (JsonNode entry : log) {
			if (entry.get("field").asString().equals("mergedInto")) {
				cause = entry.get("id").asLong();
			}
		}
		JsonNode personLog = admin().get("/api/v1/change-log?recordType=CONTACT&no=" + w.person()).json().get("items");
		JsonNode moved = null;
		for (JsonNode entry : personLog) {
			if (entry.get("field").asString().equals("companyNo") && moved == null) {
				moved = entry;
			}
		}
		assertThat(text(moved, "newValue")).isEqualTo(w.a());
		assertThat(moved.get("causedBy").asLong()).as("moved by the merge").isEqualTo(cause);
	}

	@Test
	void mergedNumbersAnswerWhereTheyWentAndAreNeverHandedOutAgain() {
		World w = world(unique());
		Api.Response first = admin().post(MERGE, request(w));
		assertThat(first.status()).isEqualTo(200);
		String d = no(company("Senere " + unique() + " AS"));
		Api.Response again = admin().post(MERGE, Map.of("contactNos", List.of(d, w.a()), "survivorNo", d));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);

		Api.Response gone = admin().get("/api/v1/contacts/" + w.b());

		assertProblem(gone, 404, "MERGED");
		assertThat(text(gone.json(), "mergedInto")).as("through the later merge of its survivor").isEqualTo(d);
		assertProblem(admin().ifMatch(1).patch("/api/v1/contacts/" + w.c(), Map.of("city", "Oslo")), 404, "MERGED");
		Api.Response taken = admin().post("/api/v1/contacts", Map.of("no", w.b(), "name", "Ny med gammelt nummer"));
		assertThat(taken.status()).as("a merged number is never a new contact's").isIn(409, 422);
		assertProblem(admin().post("/api/v1/contacts/merges/" + first.json().get("mergeId").asLong() + "/undo", null),
				409, "MERGE_CONFLICT");
		assertProblem(admin().post("/api/v1/contacts/merges/987654321/undo", null), 404, "NOT_FOUND");
	}

	@Test
	void anotherSystemsIdOfAMergedContactReachesTheSurvivor() {
		String id = "crm-" + unique();
		Api.Response coupled = admin().put("/api/v1/contacts/by-external-id/crm/" + id,
				Map.of("name", "Koblet " + unique() + " AS"));
		assertThat(coupled.status()).as(coupled.toString()).isEqualTo(201);
		String a = no(company("Beholdt " + unique() + " AS"));
		assertThat(admin().post(MERGE, Map.of("contactNos", List.of(a, no(coupled.json())), "survivorNo", a)).status())
			.isEqualTo(200);

		Api.Response again = admin().put("/api/v1/contacts/by-external-id/crm/" + id, Map.of("city", "Narvik"));

		assertThat(again.status()).as("no new duplicate: " + again).isEqualTo(200);
		assertThat(text(again.json(), "no")).isEqualTo(a);
	}

	@Test
	void contactsLinkedToDifferentCustomersAreAConflictUntilTheRequestSaysWhichLinkStays() {
		MergeFixtures.LinkedCompanies linked = linkedCompanies(admin(), "/api/v1/customers", "Dobbel " + unique(),
				Map.of(), Map.of());
		String a = linked.a();
		String b = linked.b();
		long versionOfB = version("/api/v1/contacts/" + b);
		Map<String, Object> body = new java.util.HashMap<>(Map.of("contactNos", List.of(a, b), "survivorNo", a));

		Api.Response refused = admin().post(MERGE, body);

		assertProblem(refused, 409, "MERGE_CONFLICT");
		JsonNode conflict = refused.json().get("conflicts").get(0);
		assertThat(text(conflict, "linkToTable")).isEqualTo("CUSTOMER");
		assertThat(text(conflict.get("links"), a)).isEqualTo(linked.recordOfA());
		assertThat(text(conflict.get("links"), b)).isEqualTo(linked.recordOfB());
		assertThat(version("/api/v1/contacts/" + b)).as("nothing written").isEqualTo(versionOfB);
		assertThat(text(read("/api/v1/customers/" + linked.recordOfB()), "contactNo")).isEqualTo(b);

		body.put("keepLinks", Map.of("CUSTOMER", "NOSUCH"));
		assertProblem(admin().post(MERGE, body), 422, "VALIDATION_FAILED");

		body.put("keepLinks", Map.of("CUSTOMER", linked.recordOfB()));
		Api.Response merged = admin().post(MERGE, body);

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(text(read("/api/v1/customers/" + linked.recordOfB()), "contactNo")).isEqualTo(a);
		JsonNode unlinked = read("/api/v1/customers/" + linked.recordOfA());
		assertThat(unlinked.get("contactNo").isNull()).as("unlinked, and still there").isTrue();
		assertThat(moves(merged.json(), "LINK_REMOVED")).containsExactly("CUSTOMER/" + linked.recordOfA());
	}

	@Test
	void undoBringsTheContactsBackWithWhatNothingHasChangedSince() {
		World w = world(unique());
		long lastVersionOfB = version("/api/v1/contacts/" + w.b());
		String nameOfA = text(read("/api/v1/contacts/" + w.a()), "name");
		JsonNode merge = admin().post(MERGE, request(w, "fields", Map.of("name", w.b()))).json();
		long survivor = version("/api/v1/contacts/" + w.a());
		long customerAfterMerge = version("/api/v1/customers/" + w.customer());
		patched("/api/v1/sales-quotes/" + w.quote(), "description", "Endret etter sammenslåingen");

		Api.Response undone = admin().post("/api/v1/contacts/merges/" + merge.get("mergeId").asLong() + "/undo", null);

		assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
		assertThat(undone.json().get("restored").toString()).contains(w.b(), w.c());
		assertThat(undone.json().get("notRestored").toString()).contains("SALES_QUOTE/" + w.quote());
		JsonNode b = read("/api/v1/contacts/" + w.b());
		assertThat(b.get("version").asLong()).isEqualTo(lastVersionOfB + 1);
		assertThat(text(read("/api/v1/contacts/" + w.a()), "name")).isEqualTo(nameOfA);
		assertThat(version("/api/v1/contacts/" + w.a())).as("one undo, one version").isEqualTo(survivor + 1);
		assertThat(version("/api/v1/customers/" + w.customer())).isEqualTo(customerAfterMerge + 1);
		assertThat(text(read("/api/v1/contacts/" + w.person()), "companyNo")).as(undone.toString()).isEqualTo(w.b());
		JsonNode customer = read("/api/v1/customers/" + w.customer());
		assertThat(text(customer, "contactNo")).as(undone.toString()).isEqualTo(w.b());
		assertThat(text(customer, "primaryContactNo")).isEqualTo(w.b());
		assertThat(text(read("/api/v1/vendors/" + w.vendor()), "contactNo")).isEqualTo(w.c());
		assertThat(admin().get("/api/v1/contacts/" + w.c() + "/interactions").json().toString())
			.contains("\"entryNo\":" + w.interaction());
		assertThat(admin().get("/api/v1/contacts/" + w.c() + "/business-relations").json().toString())
			.contains("ADVOKAT");
		assertThat(text(read("/api/v1/sales-quotes/" + w.quote()), "sellToContactNo")).as("changed since, so it stays")
			.isEqualTo(w.a());
		assertProblem(admin().post("/api/v1/contacts/merges/" + merge.get("mergeId").asLong() + "/undo", null), 409,
				"MERGE_CONFLICT");
	}

	@Test
	void ofTwoMergesOfOverlappingContactsAtOnceOneWinsAndTheOtherIsRefused() throws Exception {
		String tag = unique();
		String a = no(company("Samtidig " + tag + " A"));
		String b = no(company("Samtidig " + tag + " B"));
		String c = no(company("Samtidig " + tag + " C"));
		CyclicBarrier start = new CyclicBarrier(2);
		CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> {
			await(start);
			return admin().post(MERGE, Map.of("contactNos", List.of(a, b), "survivorNo", a));
		});
		CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() -> {
			await(start);
			return admin().post(MERGE, Map.of("contactNos", List.of(c, b), "survivorNo", c));
		});

		List<Integer> statuses = List.of(first.get().status(), second.get().status());

		assertThat(statuses).as(first.get() + " / " + second.get()).containsExactlyInAnyOrder(200, 409);
		Api.Response loser = first.get().status() == 409 ? first.get() : second.get();
		assertThat(loser.code()).isEqualTo("MERGE_CONFLICT");
		String winner = first.get().status() == 200 ? a : c;
		assertThat(text(admin().get("/api/v1/contacts/" + b).json(), "mergedInto")).isEqualTo(winner);
		assertThat(read("/api/v1/contacts/" + (winner.equals(a) ? c : a)).get("version").asLong())
			.as("the loser's survivor is untouched")
			.isEqualTo(1);
	}

	@Test
	void peopleOfOneCompanyMergeWithTheirDocumentsAndRolesButNotPeopleOfTwo() {
		String tag = unique();
		String company = no(company("Folk " + tag + " AS"));
		String other = no(company("Andre " + tag + " AS"));
		String kari = no(person("Kari Nordmann " + tag, company, "email", "kari@folk.no"));
		String kari2 = no(person("Kari Nordman " + tag, company, "mobilePhoneNo", "+47 912 34 567"));
		String quote = no(create("/api/v1/sales-quotes", Map.of("sellToContactNo", kari2)));
		long role = create("/api/v1/contacts/" + kari2 + "/roles", Map.of("companyNo", other)).get("id").asLong();
		String stranger = no(person("Kari " + tag, other));

		assertProblem(admin().post(MERGE, Map.of("contactNos", List.of(kari, stranger), "survivorNo", kari)), 422,
				"VALIDATION_FAILED");
		Api.Response merged = admin().post(MERGE,
				Map.of("contactNos", List.of(kari, kari2), "survivorNo", kari, "fields", Map.of("surname", kari2)));

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		JsonNode survivor = read("/api/v1/contacts/" + kari);
		assertThat(text(survivor, "name")).as("a person's name is one choice, whole and in parts")
			.isEqualTo("Kari Nordman " + tag);
		assertThat(text(survivor, "email")).isEqualTo("kari@folk.no");
		assertThat(text(read("/api/v1/sales-quotes/" + quote), "sellToContactNo")).isEqualTo(kari);
		assertThat(text(read("/api/v1/contacts/" + kari + "/roles/" + role), "contactNo")).isEqualTo(kari);
		assertThat(text(read("/api/v1/contacts/" + stranger), "no")).isEqualTo(stranger);
	}

	@Test
	void aStaleVersionIsRefusedAndAViewerMayNotMerge() {
		String a = no(company("Versjon " + unique() + " A"));
		String b = no(company("Versjon " + unique() + " B"));
		patched("/api/v1/contacts/" + b, "city", "Oslo");

		assertProblem(
				admin().post(MERGE, Map.of("contactNos", List.of(a, b), "survivorNo", a, "versions", Map.of(b, 1))),
				412, "VERSION_CONFLICT");
		assertProblem(userWithRole("VIEWER").post(MERGE, Map.of("contactNos", List.of(a, b), "survivorNo", a)), 403,
				"FORBIDDEN");
		assertProblem(userWithRole("PURCHASING").post(MERGE + "/preview",
				Map.of("contactNos", List.of(a, b), "survivorNo", a)), 403, "FORBIDDEN");
		assertProblem(admin().post(MERGE, Map.of("contactNos", List.of(a), "survivorNo", a)), 422, "VALIDATION_FAILED");
		assertProblem(
				admin().post(MERGE,
						Map.of("contactNos", List.of(a, b), "survivorNo", a, "fields", Map.of("planet", a))),
				422, "VALIDATION_FAILED");
		String person = no(person("Person " + unique(), null));
		assertProblem(admin().post(MERGE, Map.of("contactNos", List.of(a, person), "survivorNo", a)), 422,
				"VALIDATION_FAILED");
	}

	private long version(String path) {
		return read(path).get("version").asLong();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
