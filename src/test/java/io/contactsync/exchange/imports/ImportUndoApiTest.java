package io.contactsync.exchange.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.contactsync.job.JobWork;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.contactsync.support.NewRecord.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md, "Undo" and "Run": an import undone where nothing changed since, what it
 * leaves and why; and a run that dies in the middle of a page resumes after its last
 * whole page and does no row twice.
 */
class ImportUndoApiTest extends DemoCompanyApiTest {

	@Autowired
	ImportRun run;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anUndoRevertsWhatHasNotChangedSinceAndSaysWhatItLeft() {
		String word = unique();
		JsonNode updated = create(aCustomer().named("Angre " + word + " AS").withPhone("+47 22 00 00 01"));
		JsonNode changedLater = create(aCustomer().named("Senere " + word + " AS").withPhone("+47 22 00 00 02"));
		String csv = "Nr.;Navn;Telefon\r\n" + no(updated) + ";Angre " + word + " AS;+47 22 99 99 01\r\n"
				+ no(changedLater) + ";Senere " + word + " AS;+47 22 99 99 02\r\n;Ny Angre " + word
				+ " AS;\r\n;Ny Rørt " + word + " AS;\r\n";
		long id = uploaded(csv);
		ImportFiles.finished(admin(), admin().post("/api/v1/imports/" + id + "/run", null).json());
		JsonNode madeUntouched = customer("Ny Angre " + word + " AS");
		JsonNode madeTouched = customer("Ny R%C3%B8rt " + word + " AS");
		patched("/api/v1/customers/" + no(changedLater), "city", "Bodø");
		patched("/api/v1/customers/" + no(madeTouched), "city", "Tromsø");
		long updatedVersion = read("/api/v1/customers/" + no(updated)).get("version").asLong();

		Api.Response undo = admin().post("/api/v1/imports/" + id + "/undo", null);

		assertThat(undo.status()).as(undo.toString()).isEqualTo(202);
		assertThat(undo.json().get("type").asString()).isEqualTo("UNDO_IMPORT");
		ImportFiles.finished(admin(), undo.json());
		JsonNode reverted = read("/api/v1/customers/" + no(updated));
		assertThat(reverted.get("phoneNo").asString()).isEqualTo("+47 22 00 00 01");
		assertThat(reverted.get("version").asLong()).as("one version for the undo").isEqualTo(updatedVersion + 1);
		assertThat(read("/api/v1/contacts/" + text(reverted, "contactNo")).get("phoneNo").asString())
			.as("the sync carries the undo too")
			.isEqualTo("+47 22 00 00 01");
		assertThat(admin().get("/api/v1/customers/" + no(madeUntouched)).status()).isEqualTo(404);
		assertThat(admin().get("/api/v1/contacts/" + text(madeUntouched, "contactNo")).status())
			.as("the contact made with it goes too")
			.isEqualTo(404);
		assertThat(read("/api/v1/customers/" + no(changedLater)).get("phoneNo").asString()).as("changed since: left")
			.isEqualTo("+47 22 99 99 02");
		assertThat(read("/api/v1/customers/" + no(madeTouched)).get("city").asString()).isEqualTo("Tromsø");

		JsonNode left = admin().header("Accept-Language", "nb")
			.get("/api/v1/imports/" + id + "/undo?undo=LEFT")
			.json()
			.get("items");
		List<String> leftNos = new ArrayList<>();
		left.forEach(record -> leftNos.add(record.get("recordType").asString() + " " + record.get("no").asString()));
		// the city typed into the new customer reached its contact through the sync: both
		// changed since
		assertThat(leftNos).containsExactlyInAnyOrder("CUSTOMER " + no(changedLater), "CUSTOMER " + no(madeTouched),
				"CONTACT " + text(madeTouched, "contactNo"));
		assertThat(left.get(0).get("reason").asString()).contains("er endret etter importen");
		assertThat(read("/api/v1/imports/" + id).get("status").asString()).isEqualTo("UNDONE");
		assertProblem(admin().post("/api/v1/imports/" + id + "/undo", null), 422, "VALIDATION_FAILED");
	}

	@Test
	void anImportThatHasNotRunCannotBeUndone() {
		long id = uploaded("Navn\r\nIkke kjørt " + unique() + " AS\r\n");
		Api.Response undo = admin().post("/api/v1/imports/" + id + "/undo", null);
		assertProblem(undo, 422, "VALIDATION_FAILED");
		assertThat(undo.json().get("errors").get(0).get("field").asString()).isEqualTo("import");
	}

	@Test
	void aRunThatDiesInTheMiddleOfAPageResumesAfterItsLastWholePageAndDoesNoRowTwice() {
		String word = unique();
		StringBuilder csv = new StringBuilder("Navn;Poststed\r\n");
		for (int i = 1; i <= 5; i++) {
			csv.append("Krasj ").append(word).append(' ').append(i).append(" AS;Vardø\r\n");
		}
		long id = uploaded(csv.toString());
		TransactionTemplate page = new TransactionTemplate(transactions);
		Actor user = new Actor("admin", ChangeOrigin.JOB);

		Optional<JobWork.Done> first = Actor.runAs(user, () -> page.execute(status -> run.page(id, null, 2)));
		assertThat(first).isPresent();
		assertThat(first.get().last()).isEqualTo("3");
		// The next page dies before its commit: nothing of it stays.
		Actor.runAs(user, () -> page.executeWithoutResult(status -> {
			run.page(id, first.get().last(), 2);
			status.setRollbackOnly();
		}));
		assertThat(admin().get("/api/v1/customers?q=Krasj%20" + word).json().get("items")).hasSize(2);

		String last = first.get().last();
		long created = first.get().created();
		Optional<JobWork.Done> next;
		while ((next = runPage(page, user, id, last)).isPresent()) {
			created += next.get().created();
			last = next.get().last();
		}

		assertThat(created).isEqualTo(5);
		JsonNode made = admin().get("/api/v1/customers?q=Krasj%20" + word).json().get("items");
		assertThat(made).as("each row once").hasSize(5);
		List<String> names = new ArrayList<>();
		made.forEach(customer -> names.add(customer.get("name").asString()));
		assertThat(names).doesNotHaveDuplicates();
	}

	private Optional<JobWork.Done> runPage(TransactionTemplate page, Actor user, long id, String after) {
		return Actor.runAs(user, () -> page.execute(status -> run.page(id, after, 2)));
	}

	private JsonNode customer(String name) {
		JsonNode found = admin().get("/api/v1/customers?q=" + name.replace(" ", "%20")).json().get("items");
		assertThat(found).as(name).hasSize(1);
		return found.get(0);
	}

	private long uploaded(String csv) {
		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8), "en");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json().get("id").asLong();
	}

}
