package io.contactsync.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every message the code names by its code has words in English and in Norwegian: the
 * codes are collected from the sources and the page templates, and looked up in both
 * bundles. A code only one bundle has would reach half the readers as a code.
 */
class MessageBundlesTest {

	/** A string literal that is a message code, where the code says so. */
	private static final Pattern CODE_LITERAL = Pattern
		.compile("\"((?:invalid|detail|problem|record|outbox|mail|choice|field|changeLog|role)\\.[A-Za-z0-9_.\\-]+)\"");

	/**
	 * A kind named for a message, {@code kindName("SALESPERSON")}: record.SALESPERSON.
	 */
	private static final Pattern KIND = Pattern.compile("kindName\\(\"([A-Z_]+)\"\\)");

	/** The first argument of FieldError, the problems' field constructors and Message. */
	private static final Pattern CODE_ARGUMENT = Pattern.compile(
			"(?:new FieldError\\([^,;]+,|Message\\.of\\(|forms\\.message\\(|message\\()\\s*\"([A-Za-z][A-Za-z0-9_.\\-]*)\"");

	/** #{key} and #{key(...)} in a template. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.\\-]*)[}(]");

	@Test
	void everyCodeTheSourcesNameIsInBothBundles() throws IOException {
		Set<String> codes = codesNamedIn(Path.of("src/main/java"), ".java");
		codes.addAll(codesNamedIn(Path.of("src/main/resources/templates"), ".html"));

		assertThat(codes).as("codes found in the sources").hasSizeGreaterThan(100);
		assertThat(bundle("messages.properties").stringPropertyNames()).as("English (messages.properties)")
			.containsAll(codes);
		assertThat(bundle("messages_nb.properties").stringPropertyNames()).as("Norwegian (messages_nb.properties)")
			.containsAll(codes);
	}

	@Test
	void bothBundlesHaveTheSameCodes() throws IOException {
		assertThat(bundle("messages_nb.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
	}

	@Test
	void aMissingCodeIsFound() {
		Set<String> found = codesIn("throw new Problems.ValidationFailed(\"name\", \"invalid.neverWritten\");");

		assertThat(found).contains("invalid.neverWritten");
	}

	@Test
	void wordsWhereACodeBelongsAreRefusedAtOnce() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FieldError("name", "is required"));
	}

	@Test
	void aMessageIsSaidInEnglishForLogs() {
		assertThat(Message.of("detail.notFound", Problems.kindName("CUSTOMER"), "K1").english())
			.isEqualTo("Customer K1 does not exist.");
		assertThat(Problems.kindName("NO_SUCH_KIND").english()).isEqualTo("No such kind");
		assertThat(Locale.ENGLISH.getLanguage()).isEqualTo("en");
	}

	private static Set<String> codesNamedIn(Path root, String suffix) throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
				codes.addAll(codesIn(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		return codes;
	}

	private static Set<String> codesIn(String source) {
		Set<String> codes = new TreeSet<>();
		for (Pattern pattern : new Pattern[] { CODE_LITERAL, CODE_ARGUMENT, TEMPLATE_KEY }) {
			Matcher matcher = pattern.matcher(source);
			while (matcher.find()) {
				String code = matcher.group(1);
				// a prefix that code completes ("problem." + code) is not a code itself
				if (!code.endsWith(".")) {
					codes.add(code);
				}
			}
		}
		Matcher kinds = KIND.matcher(source);
		while (kinds.find()) {
			codes.add("record." + kinds.group(1));
		}
		return codes;
	}

	private static Properties bundle(String name) throws IOException {
		Properties bundle = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
			bundle.load(reader);
		}
		return bundle;
	}

}
