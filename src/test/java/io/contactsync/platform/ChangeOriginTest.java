package io.contactsync.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeOriginTest {

	private static final Pattern ORIGIN_CHECK = Pattern
		.compile("change_log_origin_valid\\s+CHECK\\s*\\(\\s*origin\\s+IN\\s*\\(([^)]*)\\)");

	@Test
	void theChangeLogTableAcceptsExactlyTheOriginsTheCodeRecords() throws IOException {
		assertThat(originsTheChangeLogTableAccepts())
			.containsExactlyInAnyOrder(Arrays.stream(ChangeOrigin.values()).map(Enum::name).toArray(String[]::new));
	}

	@Test
	void theOriginsAreThoseTheChangeLogRulesName() {
		assertThat(ChangeOrigin.values()).extracting(Enum::name)
			.containsExactly("USER", "API", "SYNC", "JOB", "IMPORT");
	}

	/** The values of the newest migration that sets the constraint. */
	private static List<String> originsTheChangeLogTableAccepts() throws IOException {
		Resource[] migrations = new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/audit/*.sql");
		Arrays.sort(migrations, Comparator.comparing(ChangeOriginTest::version, Arrays::compare));
		List<String> origins = List.of();
		for (Resource migration : migrations) {
			Matcher check = ORIGIN_CHECK.matcher(migration.getContentAsString(StandardCharsets.UTF_8));
			while (check.find()) {
				origins = Arrays.stream(check.group(1).split(",")).map(v -> v.trim().replace("'", "")).toList();
			}
		}
		assertThat(origins).as("a migration that sets change_log_origin_valid").isNotEmpty();
		return origins;
	}

	/**
	 * A migration's version, V9_16_6__x.sql as [9, 16, 6]: compared part by part, V10
	 * comes after V9.
	 */
	private static int[] version(Resource migration) {
		String name = String.valueOf(migration.getFilename());
		return Arrays.stream(name.substring(1, name.indexOf("__")).split("_")).mapToInt(Integer::parseInt).toArray();
	}

}
