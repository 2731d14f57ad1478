package io.contactsync.platform.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ChangeOrigin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed events are a contract with other systems: each one in the code is listed in
 * docs/events.md with the names it is published under and its schema version, and the
 * list names nothing the code lacks.
 */
class EventCatalogTest {

	private static final Pattern ROW = Pattern
		.compile("^\\| `([a-z.]+\\.[A-Z][A-Za-z]+)` \\| ((?:`[a-z.-]+`(?:, )?)+) \\| (\\d+) \\|", Pattern.MULTILINE);

	@Test
	void everyEventIsDocumentedWithItsNamesAndSchemaVersion() throws Exception {
		Map<String, Documented> documented = documented();
		Map<String, Documented> inCode = new TreeMap<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.contactsync")) {
			if (!type.isAssignableTo(RecordEvent.class) || type.isInterface()) {
				continue;
			}
			Class<?> event = type.reflect();
			assertThat(event.isRecord()).as(event.getName() + " is a record").isTrue();
			assertThat(event.getSimpleName()).as("an event is named in the past tense")
				.matches(".*(Created|Changed|Deleted|Added|Removed|Logged|Canceled|Disabled|Merged|Unmerged|Moved)");
			Set<String> names = new TreeSet<>();
			int schema = 0;
			for (RecordChange.Kind kind : RecordChange.Kind.values()) {
				RecordEvent instance = (RecordEvent) event.getDeclaredConstructor(RecordChange.class)
					.newInstance(
							new RecordChange("X", "1", kind, List.of(), Map.of(), new Actor("u", ChangeOrigin.API)));
				names.add(instance.eventType());
				schema = instance.schemaVersion();
			}
			inCode.put(event.getName().replace("io.contactsync.", ""), new Documented(names, schema));
		}
		assertThat(inCode).as("events in the code").hasSizeGreaterThanOrEqualTo(20);
		assertThat(documented).as("docs/events.md, the catalogue").isEqualTo(inCode);
	}

	@Test
	void eventNamesAreUnique() throws Exception {
		Set<String> seen = new LinkedHashSet<>();
		for (Documented event : documented().values()) {
			for (String name : event.names()) {
				assertThat(seen.add(name)).as("event name " + name + " used once").isTrue();
			}
		}
	}

	private static Map<String, Documented> documented() throws IOException {
		String doc = Files.readString(Path.of("docs/events.md"));
		Map<String, Documented> documented = new TreeMap<>();
		Matcher row = ROW.matcher(doc);
		while (row.find()) {
			Set<String> names = new TreeSet<>();
			for (String name : row.group(2).split(", ")) {
				names.add(name.replace("`", ""));
			}
			documented.put(row.group(1), new Documented(names, Integer.parseInt(row.group(3))));
		}
		return documented;
	}

	private record Documented(Set<String> names, int schemaVersion) {
	}

}
