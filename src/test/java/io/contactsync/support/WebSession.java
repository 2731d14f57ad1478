package io.contactsync.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session with the web UI, without the browser: its cookies, and the CSRF
 * token its pages carry, sent back with every form as a page would. Redirects are not
 * followed, so a test sees them.
 */
public final class WebSession {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern PAGE_TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	private String csrfToken = "";

	public WebSession(int port) {
		this.port = port;
	}

	/**
	 * Signs in through the login form; fails the test unless it lands on the contacts.
	 */
	public WebSession signIn(String username, String password) {
		HttpResponse<String> signedIn = submitLogin(username, password);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in as " + username)
			.endsWith("/contacts");
		csrfToken = token(get("/contacts").body(), PAGE_TOKEN);
		return this;
	}

	/**
	 * Opens the login page and sends its form, as a person would; the answer as it came.
	 */
	public HttpResponse<String> submitLogin(String username, String password) {
		csrfToken = token(get("/login").body(), FORM_TOKEN);
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A form, with the session's CSRF token as a page's form has it. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		return postWithToken(path, form, csrfToken);
	}

	/** A form as a page of another site would send it: without the token. */
	public HttpResponse<String> postWithoutToken(String path, Map<String, String> form) {
		return postWithToken(path, form, null);
	}

	/**
	 * Any method, empty, with the token in the header as the UI's htmx requests have it.
	 */
	public HttpResponse<String> send(String method, String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-CSRF-TOKEN", csrfToken)
			.method(method, HttpRequest.BodyPublishers.ofString("")));
	}

	/**
	 * A form with a file, as a page's upload form sends it (multipart/form-data), with
	 * the session's CSRF token.
	 */
	public HttpResponse<String> upload(String path, Map<String, String> form, String fileField, String fileName,
			String contentType, byte[] file) {
		String boundary = "----contactsync" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("_csrf", csrfToken);
		fields.putAll(form);
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	public Optional<HttpCookie> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
	}

	private HttpResponse<String> postWithToken(String path, Map<String, String> form, String token) {
		StringBuilder body = new StringBuilder();
		if (token != null) {
			body.append("_csrf=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
		}
		form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String token(String page, Pattern pattern) {
		Matcher token = pattern.matcher(page);
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
