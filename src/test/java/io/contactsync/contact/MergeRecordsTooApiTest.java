package io.contactsync.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.contactsync.contact.MergeFixtures.MERGE;
import static io.contactsync.contact.MergeFixtures.linkedCompanies;
import static io.contactsync.contact.MergeFixtures.moves;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge of contacts linked to different customers that merges the customers too
 * (docs/merge.md, "Merged as records too"): the preview shows it and writes nothing, the
 * gone customer's documents move to the kept one, the gone customer stays blocked naming
 * where it went, every record one version up with the merge as the cause, and undo puts
 * it all back.
 */
class MergeRecordsTooApiTest extends DemoCompanyApiTest {

	/**
	 * Two contacts, each linked to its own customer, with a quote, an order and a call.
	 */
	private record Twins(String a, String b, String kept, String gone, String quoteOfA, String quoteOfB,
			String orderOfGone, long call) {

		Map<String, Object> request(Object... more) {
			Map<String, Object> body = new HashMap<>(Map.of("contactNos", List.of(a, b), "survivorNo", a, "keepLinks",
					Map.of("CUSTOMER", kept), "mergeRecords", List.of("CUSTOMER")));
			for (int i = 0; i < more.length; i += 2) {
				body.put((String) more[i], more[i + 1]);
			}
			return body;
		}

	}

	private Twins twins() {
		String tag = unique();
		MergeFixtures.LinkedCompanies linked = linkedCompanies(admin(), "/api/v1/customers", "Tvilling " + tag,
				Map.of("city", "Bodø"), Map.of("city", "Tromsø"));
		String a = linked.a();
		String b = linked.b();
		String quoteOfA = no(create("/api/v1/sales-quotes", Map.of("sellToContactNo", a)));
		String quoteOfB = no(create("/api/v1/sales-quotes", Map.of("sellToContactNo", b)));
		String order = no(create("/api/v1/sales-orders", Map.of("sellToCustomerNo", linked.recordOfB())));
		Api.Response logged = admin().post("/api/v1/contacts/" + b + "/interactions",
				Map.of("interactionTemplateCode", "TELEFON", "description", "Ringte " + tag));
		assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
		return new Twins(a, b, linked.recordOfA(), linked.recordOfB(), quoteOfA, quoteOfB, order,
				logged.json().get("entryNo").asLong());
	}

	@Test
	void thePreviewShowsTheRecordMergedAndItsDocumentsAndWritesNothing() {
		Twins t = twins();
		long gone = version("/api/v1/customers/" + t.gone());
		long order = version("/api/v1/sales-orders/" + t.orderOfGone());

		Api.Response preview = admin().post(MERGE + "/preview", t.request());

		assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
		JsonNode answer = preview.json();
		assertThat(answer.get("conflicts").isEmpty()).isTrue();
		assertThat(moves(answer, "LINK_REMOVED")).containsExactly("CUSTOMER/" + t.gone());
		assertThat(moves(answer, "RECORD_MERGED")).containsExactly("CUSTOMER/" + t.gone());
		assertThat(moves(answer, "DOCUMENT_PARTY")).containsExactlyInAnyOrder("SALES_QUOTE/" + t.quoteOfB(),
				"SALES_ORDER/" + t.orderOfGone());
		assertThat(moves(answer, "DOCUMENT")).as("the contact's documents, as in any merge")
			.containsExactlyInAnyOrder("SALES_QUOTE/" + t.quoteOfB(), "SALES_ORDER/" + t.orderOfGone());
		assertThat(moves(answer, "INTERACTION")).containsExactly(Long.toString(t.call()));
		JsonNode customer = read("/api/v1/customers/" + t.gone());
		assertThat(customer.get("version").asLong()).as("nothing written").isEqualTo(gone);
		assertThat(text(customer, "blocked")).isEqualTo("NONE");
		assertThat(text(customer, "contactNo")).isEqualTo(t.b());
		assertThat(version("/api/v1/sales-orders/" + t.orderOfGone())).isEqualTo(order);
	}

	@Test
	void theGoneCustomersDocumentsMoveItStaysBlockedAndUndoPutsItBack() {
		Twins t = twins();
		long gone = version("/api/v1/customers/" + t.gone());
		long kept = version("/api/v1/customers/" + t.kept());
		long quoteOfB = version("/api/v1/sales-quotes/" + t.quoteOfB());
		long quoteOfA = version("/api/v1/sales-quotes/" + t.quoteOfA());
		long order = version("/api/v1/sales-orders/" + t.orderOfGone());

		Api.Response merged = admin().post(MERGE, t.request());

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		JsonNode goneNow = read("/api/v1/customers/" + t.gone());
		assertThat(text(goneNow, "blocked")).as("kept, not deleted").isEqualTo("ALL");
		assertThat(text(goneNow, "mergedInto")).isEqualTo(t.kept());
		assertThat(goneNow.get("contactNo").isNull()).isTrue();
		assertThat(goneNow.get("version").asLong()).as("unlinked and blocked: one version").isEqualTo(gone + 1);
		JsonNode keptNow = read("/api/v1/customers/" + t.kept());
		assertThat(text(keptNow, "contactNo")).isEqualTo(t.a());
		assertThat(text(keptNow, "blocked")).isEqualTo("NONE");
		assertThat(keptNow.get("version").asLong()).as("untouched: nothing of it changes").isEqualTo(kept);
		JsonNode q = read("/api/v1/sales-quotes/" + t.quoteOfB());
		assertThat(text(q, "sellToContactNo")).isEqualTo(t.a());
		assertThat(text(q, "sellToCustomerNo")).isEqualTo(t.kept());
		assertThat(q.get("version").asLong()).as("contact and customer moved: one version").isEqualTo(quoteOfB + 1);
		JsonNode o = read("/api/v1/sales-orders/" + t.orderOfGone());
		assertThat(text(o, "sellToCustomerNo")).isEqualTo(t.kept());
		assertThat(o.get("version").asLong()).isEqualTo(order + 1);
		assertThat(version("/api/v1/sales-quotes/" + t.quoteOfA())).isEqualTo(quoteOfA);
		assertThat(admin().get("/api/v1/contacts/" + t.a() + "/interactions").json().toString())
			.contains("\"entryNo\":" + t.call());

		long cause = mergeCause(t.b());
		assertThat(causes("CUSTOMER", t.gone(), "blocked", "mergedInto")).as("the gone customer's log")
			.containsOnly(cause);
		assertThat(causes("SALES_DOCUMENT", "SALES_ORDER/" + t.orderOfGone(), "sellToCustomerNo")).containsOnly(cause);

		Api.Response undone = admin().post("/api/v1/contacts/merges/" + merged.json().get("mergeId").asLong() + "/undo",
				null);

		assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
		assertThat(undone.json().get("notRestored").isEmpty()).as(undone.toString()).isTrue();
		JsonNode back = read("/api/v1/customers/" + t.gone());
		assertThat(text(back, "blocked")).isEqualTo("NONE");
		assertThat(back.get("mergedInto").isNull()).isTrue();
		assertThat(text(back, "contactNo")).isEqualTo(t.b());
		assertThat(back.get("version").asLong()).as("one undo, one version").isEqualTo(gone + 2);
		JsonNode qBack = read("/api/v1/sales-quotes/" + t.quoteOfB());
		assertThat(text(qBack, "sellToContactNo")).isEqualTo(t.b());
		assertThat(text(qBack, "sellToCustomerNo")).isEqualTo(t.gone());
		assertThat(qBack.get("version").asLong()).isEqualTo(quoteOfB + 2);
		JsonNode oBack = read("/api/v1/sales-orders/" + t.orderOfGone());
		assertThat(text(oBack, "sellToCustomerNo")).isEqualTo(t.gone());
		assertThat(oBack.get("version").asLong()).isEqualTo(order + 2);
	}

	@Test
	void aRecordChangedSinceStaysMergedAndIsListed() {
		Twins t = twins();
		JsonNode merged = admin().post(MERGE, t.request()).json();
		patched("/api/v1/customers/" + t.gone(), "city", "Harstad");

		Api.Response undone = admin().post("/api/v1/contacts/merges/" + merged.get("mergeId").asLong() + "/undo", null);

		assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
		assertThat(undone.json().get("notRestored").toString()).contains("RECORD_MERGED", "CUSTOMER/" + t.gone());
		assertThat(text(read("/api/v1/customers/" + t.gone()), "mergedInto")).isEqualTo(t.kept());
	}

	@Test
	void recordsAreMergedOnlyWhereTheRequestSaysWhichStaysAndNeverBankAccounts() {
		Twins t = twins();
		long gone = version("/api/v1/customers/" + t.gone());
		Map<String, Object> noKeep = t.request();
		noKeep.remove("keepLinks");

		Api.Response withoutKeep = admin().post(MERGE, noKeep);
		Api.Response bankAccounts = admin().post(MERGE, t.request("mergeRecords", List.of("BANK_ACCOUNT")));

		assertProblem(withoutKeep, 422, "VALIDATION_FAILED");
		assertThat(withoutKeep.toString()).contains("keepLinks.CUSTOMER");
		assertProblem(bankAccounts, 422, "VALIDATION_FAILED");
		assertThat(bankAccounts.toString()).contains("mergeRecords");
		assertThat(version("/api/v1/customers/" + t.gone())).as("nothing written").isEqualTo(gone);
		assertThat(read("/api/v1/contacts/" + t.b()).get("no").asString()).isEqualTo(t.b());
	}

	@Test
	void vendorsMergeTheSameWay() {
		MergeFixtures.LinkedCompanies linked = linkedCompanies(admin(), "/api/v1/vendors", "Leverandør " + unique(),
				Map.of(), Map.of());
		String quote = no(create("/api/v1/purchase-quotes", Map.of("buyFromContactNo", linked.b())));

		Api.Response merged = admin().post(MERGE, Map.of("contactNos", List.of(linked.a(), linked.b()), "survivorNo",
				linked.a(), "keepLinks", Map.of("VENDOR", linked.recordOfA()), "mergeRecords", List.of("VENDOR")));

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(text(read("/api/v1/purchase-quotes/" + quote), "buyFromVendorNo")).isEqualTo(linked.recordOfA());
		JsonNode gone = read("/api/v1/vendors/" + linked.recordOfB());
		assertThat(text(gone, "blocked")).isEqualTo("ALL");
		assertThat(text(gone, "mergedInto")).isEqualTo(linked.recordOfA());
	}

	/**
	 * The change-log entry of the merge, which everything it changes names as its cause.
	 */
	private long mergeCause(String mergedNo) {
		for (JsonNode entry : admin().get("/api/v1/change-log?recordType=CONTACT&no=" + mergedNo).json().get("items")) {
			if (entry.get("field").asString().equals("mergedInto")) {
				return entry.get("id").asLong();
			}
		}
		throw new AssertionError("no merge in the log of " + mergedNo);
	}

	/**
	 * The causes of the record's change-log entries of those fields that have one (its
	 * creation has none): at least one entry per field.
	 */
	private List<Long> causes(String recordType, String no, String... fields) {
		List<Long> causes = new ArrayList<>();
		JsonNode items = admin().get("/api/v1/change-log?recordType=" + recordType + "&no=" + no).json().get("items");
		for (JsonNode entry : items) {
			JsonNode causedBy = entry.get("causedBy");
			if (List.of(fields).contains(entry.get("field").asString()) && causedBy != null && !causedBy.isNull()) {
				causes.add(entry.get("causedBy").asLong());
			}
		}
		assertThat(causes).as(items.toString()).hasSizeGreaterThanOrEqualTo(fields.length);
		return causes;
	}

	private long version(String path) {
		return read(path).get("version").asLong();
	}

}
