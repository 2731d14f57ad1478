package io.contactsync.security;

import java.nio.file.Path;
import java.util.List;

import io.contactsync.ContactSyncApplication;
import io.contactsync.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start as a newcomer runs it (the embedded database, the demo company, no
 * CONTACTSYNC_ADMIN_PASSWORD): the generated password is printed once, right before the
 * line that says the application is ready, where it is seen; never by the logger, so no
 * log file holds it; and a later start prints nothing of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartPasswordTest {

	private static final String READY = "ContactSync is ready at";

	@Test
	void theGeneratedPasswordIsPrintedOnceAmongTheLastLinesBeforeReady(@TempDir Path dataDir, CapturedOutput output) {
		String password;
		try (ConfigurableApplicationContext app = start(dataDir)) {
			List<String> lines = output.getOut().lines().toList();
			int heading = indexOf(lines, "with this password (shown only now)", 0);
			int shown = heading + 2;
			password = lines.get(shown).trim();
			assertThat(password).hasSize(20);
			int ready = indexOf(lines, READY, shown);
			assertThat(lines.subList(shown + 1, ready)).as("nothing but the rest of the notice before ready")
				.hasSizeLessThanOrEqualTo(4)
				.noneMatch(FirstStartPasswordTest::isLogLine);
			assertThat(lines.stream().filter(line -> line.contains(password))).as("printed once").hasSize(1);
			assertThat(lines.stream().filter(FirstStartPasswordTest::isLogLine))
				.as("the logger, and so any log file, never gets it")
				.noneMatch(line -> line.contains(password));
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			assertThat(Api.anonymous(port).as("admin", password).get("/api/v1/contacts").status())
				.as("it is the password")
				.isEqualTo(200);
		}
		int before = output.getOut().length();

		try (ConfigurableApplicationContext app = start(dataDir)) {
			String later = output.getOut().substring(before);
			assertThat(later).as("the next start")
				.contains(READY)
				.doesNotContain(password)
				.doesNotContain("shown only now");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(ContactSyncApplication.class)
			.properties("contactsync.data-dir=" + dataDir, "server.port=0", "contactsync.admin-password=",
					"contactsync.demo=true")
			.run();
	}

	private static int indexOf(List<String> lines, String text, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("No line with \"" + text + "\" in:\n" + String.join("\n", lines));
	}

	/** A line written through the logger: it would go to a log file too. */
	private static boolean isLogLine(String line) {
		return line.matches(".*\\s(TRACE|DEBUG|INFO|WARN|ERROR)\\s.*");
	}

}
