package io.contactsync.exchange.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.contactsync.support.Api;
import io.contactsync.support.DemoCompanyApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/import.md, "Files": the upload of an import has a limit of its own
 * ({@code contactsync.imports.max-file-bytes}, here 1,600,000 bytes so that the test
 * sends little), above the general 1 MiB that every other request keeps; above it the
 * answer is 413 problem+json, whether the body says its length or comes in chunks.
 */
@TestPropertySource(properties = "contactsync.imports.max-file-bytes=1600000")
class ImportUploadLimitTest extends DemoCompanyApiTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void aFileOverOneMebibyteButUnderTheImportsLimitIsImported() {
		String word = unique();
		StringBuilder csv = new StringBuilder("Navn;Adresse;Poststed\r\n");
		int rows = 0;
		while (csv.length() < 1_200_000) {
			rows++;
			csv.append("Stor fil ")
				.append(word)
				.append(' ')
				.append(rows)
				.append(" AS;Langgata ")
				.append(rows)
				.append(";Oslo\r\n");
		}

		Api.Response uploaded = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER", "text/csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), "en");

		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().get("rows").asInt()).isEqualTo(rows);
	}

	@Test
	void aFileOverTheImportsLimitIs413WithOrWithoutALength() throws Exception {
		byte[] file = csv(1_700_000);

		Api.Response sized = ImportFiles.upload(port, "admin", ADMIN_PASSWORD, "kind=CUSTOMER", "text/csv", file, "nb");
		assertProblem(sized, 413, "PAYLOAD_TOO_LARGE");
		assertThat(sized.json().get("detail").asString()).contains("1600000");

		HttpResponse<String> chunked = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports?kind=CUSTOMER"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes()))
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
		assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void everyOtherRequestKeepsTheGeneralLimit() throws IOException {
		String name = "x".repeat(1_100_000);
		assertProblem(admin().post("/api/v1/contacts", java.util.Map.of("type", "COMPANY", "name", name)), 413,
				"PAYLOAD_TOO_LARGE");
		assertProblem(admin().header("Content-Type", "text/csv").post("/api/v1/imports/1/run", name), 413,
				"PAYLOAD_TOO_LARGE");
	}

	/** A CSV file of about {@code size} bytes. */
	private static byte[] csv(int size) {
		StringBuilder csv = new StringBuilder("Navn\r\n");
		for (int i = 0; csv.length() < size; i++) {
			csv.append("For stor ").append(i).append(" AS\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
