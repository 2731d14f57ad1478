package io.contactsync.platform;

import java.nio.file.Path;
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
 * @param adminPassword password of the {@code admin} user created at the first start; a
 * random one is generated and printed once when it is not given
 * @param embeddedDatabaseSettings extra server settings of the embedded PostgreSQL
 */
@ConfigurationProperties("contactsync")
public record ContactSyncProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean demo,
		@Nullable String adminPassword, @Nullable Map<String, String> embeddedDatabaseSettings) {

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
