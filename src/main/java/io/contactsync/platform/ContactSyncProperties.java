package io.contactsync.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's own settings ({@code contactsync.*}).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data when no external database
 * is configured
 * @param demo load the demo company into an empty database at start
 * @param adminPassword password of the admin user created at the first start; a random
 * one is generated and printed once when it is not given
 * @param embeddedDatabaseSettings extra server settings of the embedded PostgreSQL
 * @param publicUrl the address users and programs reach the service at, such as
 * https://contacts.example.com behind a proxy: the OpenAPI document's server, the origin
 * a browser's write must come from, and, when it is https, the reason the session cookie
 * is always Secure. Never taken from a request's Host header (docs/security.md, "Behind a
 * proxy").
 * @param maxRequestBytes the largest request body taken, in bytes; a larger one is
 * refused with 413
 * @param companyName the issuing company's name on printed documents
 */
@ConfigurationProperties("contactsync")
public record ContactSyncProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean demo,
		@Nullable String adminPassword, @Nullable Map<String, String> embeddedDatabaseSettings, @Nullable URI publicUrl,
		@DefaultValue("1048576") long maxRequestBytes, @DefaultValue("ContactSync") String companyName) {

	public ContactSyncProperties {
		if (publicUrl != null) {
			String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || publicUrl.getHost() == null
					|| publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
				throw new IllegalArgumentException("contactsync.public-url must be an http or https address without"
						+ " query, such as https://contacts.example.com (it was " + publicUrl + ")");
			}
			String path = publicUrl.getRawPath() == null ? "" : publicUrl.getRawPath();
			publicUrl = URI.create(scheme + "://" + publicUrl.getRawAuthority()
					+ (path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
		}
	}

	/**
	 * The public address's origin ({@code https://contacts.example.com}), as a browser
	 * names it in {@code Origin}; null when no public address is set.
	 */
	public @Nullable String publicOrigin() {
		if (publicUrl == null) {
			return null;
		}
		int port = publicUrl.getPort();
		boolean defaultPort = port == -1 || (port == 80 && publicUrl.getScheme().equals("http"))
				|| (port == 443 && publicUrl.getScheme().equals("https"));
		return publicUrl.getScheme() + "://" + publicUrl.getHost().toLowerCase(Locale.ROOT)
				+ (defaultPort ? "" : ":" + port);
	}

	/** Whether users reach the service over TLS (a proxy may end it in front). */
	public boolean publicOverTls() {
		return publicUrl != null && publicUrl.getScheme().equals("https");
	}

	/**
	 * Server settings for the embedded PostgreSQL on top of its own
	 * ({@code contactsync.embedded-database-settings.work_mem=16MB}); the durable ones
	 * cannot be turned off here.
	 */
	public Map<String, String> embeddedSettings() {
		Map<String, String> settings = new java.util.HashMap<>(
				embeddedDatabaseSettings == null ? Map.of() : embeddedDatabaseSettings);
		settings.remove("fsync");
		settings.remove("synchronous_commit");
		return settings;
	}

	/** The data directory as an absolute, normalised path. */
	public Path dataDirectory() {
		return dataDir.toAbsolutePath().normalize();
	}

}
