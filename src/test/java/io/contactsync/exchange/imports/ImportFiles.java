package io.contactsync.exchange.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import io.contactsync.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the import tests send and wait for: files as bytes, and jobs to end. */
final class ImportFiles {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private ImportFiles() {
	}

	/** Uploads a file's bytes as the user (HTTP Basic), in a language. */
	static Api.Response upload(int port, String user, String password, String query, String contentType, byte[] file,
			String language) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports?" + query))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
			.header("Content-Type", contentType)
			.header("Accept-Language", language)
			.POST(HttpRequest.BodyPublishers.ofByteArray(file))
			.build();
		try {
			return new Api.Response(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Waits for a job to end; its last state. */
	static JsonNode finished(Api api, JsonNode job) {
		String path = "/api/v1/jobs/" + job.get("id").asLong();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !api.get(path).json().get("finishedAt").isNull());
		JsonNode done = api.get(path).json();
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
		return done;
	}

}
