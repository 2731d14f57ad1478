package io.contactsync.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every own setting ({@code contactsync.*}) is bound by a
 * {@code @ConfigurationProperties} type, so the build writes its metadata (name, type,
 * default, description) for IDEs and operators; none is read with {@code @Value}, which
 * leaves no metadata.
 */
class SettingsMetadataTest {

	@Test
	void everyOwnSettingHasMetadataWithADescription() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("written by spring-boot-configuration-processor").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<JsonNode> own = metadata.get("properties")
			.valueStream()
			.filter(property -> property.get("name").asString().startsWith("contactsync."))
			.toList();

		assertThat(own).extracting(property -> property.get("name").asString())
			.contains("contactsync.data-dir", "contactsync.demo", "contactsync.admin-password",
					"contactsync.public-url", "contactsync.max-request-bytes", "contactsync.company-name",
					"contactsync.jobs.lease", "contactsync.jobs.poll-interval", "contactsync.jobs.page-size",
					"contactsync.events.retention", "contactsync.events.poll-interval", "contactsync.events.max-wait",
					"contactsync.events.kafka.bootstrap-servers", "contactsync.events.kafka.topic-prefix",
					"contactsync.events.kafka.lease");
		assertThat(own).allSatisfy(
				property -> assertThat(property.path("description").asString("")).as(property.get("name").asString())
					.isNotBlank());
	}

	@Test
	void noOwnSettingIsReadWithValue() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			List<Path> withValue = sources.filter(path -> path.toString().endsWith(".java")).filter(path -> {
				try {
					return Files.readString(path).contains("@Value(\"${contactsync.");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
			assertThat(withValue).as("read through a @ConfigurationProperties type instead").isEmpty();
		}
	}

}
