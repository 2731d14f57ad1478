package io.contactsync.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * A small HTTP client for the API under test: real requests over the loopback, answers
 * with their status, headers and JSON body, and no exceptions for 4xx and 5xx.
 */
public final class Api {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final @Nullable String authorization;

	private final Map<String, String> headers;

	private Api(int port, @Nullable String authorization, Map<String, String> headers) {
		this.port = port;
		this.authorization = authorization;
		this.headers = headers;
	}

	public static Api anonymous(int port) {
		return new Api(port, null, Map.of());
	}

	public Api as(String username, String password) {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new Api(port, "Basic " + basic, headers);
	}

	public Api withToken(String token) {
		return new Api(port, "Bearer " + token, headers);
	}

	public Api header(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new Api(port, authorization, more);
	}

	public Api ifMatch(long version) {
		return header("If-Match", "\"" + version + "\"");
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, @Nullable Object body) {
		return send("POST", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	/** The raw bytes of an answer, such as a PDF; fails unless the status is 200. */
	public byte[] bytes(String method, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A GET whose answer is kept as bytes, such as an exported file, with this client's
	 * headers ({@code Accept}, say); any status.
	 */
	public HttpResponse<byte[]> download(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		headers.forEach(request::header);
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a body as is: a String is sent verbatim, anything else as JSON. */
	public Response send(String method, String path, @Nullable Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		headers.forEach(request::header);
		if (body != null) {
			String text = (body instanceof String s) ? s : JSON.writeValueAsString(body);
			if (!headers.containsKey("Content-Type")) {
				request.header("Content-Type", "application/json");
			}
			request.method(method, HttpRequest.BodyPublishers.ofString(text));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer of the API. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String text() {
			return raw.body();
		}

		public JsonNode json() {
			String body = raw.body();
			return body == null || body.isEmpty() ? NullNode.getInstance() : JSON.readTree(body);
		}

		public Optional<String> header(String name) {
			return raw.headers().firstValue(name);
		}

		public long version() {
			return json().get("version").asLong();
		}

		public String code() {
			JsonNode code = json().get("code");
			return code == null ? "(no code)" : code.asString();
		}

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return status() + " " + text();
		}

	}

}
