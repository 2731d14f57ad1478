package io.contactsync.platform;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("contactsync")
public record ContactSyncProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean demo,
		@Nullable String adminPassword) {

	/** The data directory as an absolute, normalised path. */
	public Path dataDirectory() {
		return dataDir.toAbsolutePath().normalize();
	}

}
