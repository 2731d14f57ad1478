package io.contactsync.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.contactsync.platform.ContactSyncProperties;
import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * docs/targets.md S2: passwords are kept as bcrypt hashes and tokens as SHA-256 hashes;
 * no password or token, right or wrong, is written to the log or sent back in an answer;
 * and the first start's administrator password is never a fixed default.
 */
@Tag("quality")
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void secretsAreStoredHashedAndNeverLoggedOrAnswered(CapturedOutput output) {
		String username = "secret-" + unique().toLowerCase();
		String password = "S2-password-" + unique();
		List<String> secrets = new ArrayList<>(List.of(password, password + "-wrong"));
		List<Api.Response> answers = new ArrayList<>();

		Api.Response created = admin().post("/api/v1/users",
				Map.of("username", username, "password", password, "roles", List.of("VIEWER")));
		assertThat(created.status()).isEqualTo(201);
		answers.add(created);
		String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);

		answers.add(Api.anonymous(port).as(username, password + "-wrong").get("/api/v1/contacts"));
		assertThat(answers.get(answers.size() - 1).status()).isEqualTo(401);
		answers.add(Api.anonymous(port).as(username, password).get("/api/v1/contacts"));
		answers.add(admin().get("/api/v1/users/" + username));
		answers.add(admin().post("/api/v1/users",
				Map.of("username", "Not Valid", "password", password + "-refused", "roles", List.of("VIEWER"))));
		secrets.add(password + "-refused");
		assertThat(answers.get(answers.size() - 1).status()).isEqualTo(422);
		answers.add(admin().post("/api/v1/users",
				"{\"username\": \"x\", \"password\": \"" + password + "-broken\", \"roles\": [\"VIEWER\"], }"));
		secrets.add(password + "-broken");

		assertThat(answers.get(answers.size() - 1).status()).isEqualTo(400);

		Api.Response issued = admin().post("/api/v1/users/" + username + "/tokens", null);
		String token = issued.json().get("token").asString();
		secrets.add(token);
		secrets.add(token + "x");
		assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE username = ?")
			.param(username)
			.query(String.class)
			.single()).isEqualTo(sha256(token));
		assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash LIKE ?")
			.param("%" + token + "%")
			.query(Integer.class)
			.single()).isZero();
		answers.add(Api.anonymous(port).withToken(token).get("/api/v1/contacts"));
		assertThat(answers.get(answers.size() - 1).status()).isEqualTo(200);
		answers.add(Api.anonymous(port).withToken(token + "x").get("/api/v1/contacts"));
		assertThat(answers.get(answers.size() - 1).status()).isEqualTo(401);

		for (String secret : secrets) {
			assertThat(output.getAll()).as("the log").doesNotContain(secret);
			for (Api.Response answer : answers) {
				assertThat(answer.text()).as("an answer").doesNotContain(secret);
				assertThat(answer.raw().headers().map().toString()).as("an answer's headers").doesNotContain(secret);
			}
		}
		assertThat(answers.get(3).json().has("password")).isFalse();
		assertThat(answers.get(3).text()).doesNotContain(hash);
	}

	@Test
	void theFirstAdministratorsGeneratedPasswordIsNewEachTimeAndOnlyOnTheConsole(CapturedOutput output) {
		UserAccounts users = mock(UserAccounts.class);
		when(users.createFirstAdmin(anyString())).thenReturn(true);
		ContactSyncProperties unset = new ContactSyncProperties(Path.of("data"), false, null, null, null, 1_048_576,
				"ContactSync");

		for (int start = 0; start < 2; start++) {
			FirstAdmin firstAdmin = new FirstAdmin(users, unset);
			firstAdmin.run(null);
			// As the start ends (StartupReport), or as a failed start stops.
			firstAdmin.printOnce();
			firstAdmin.destroy();
		}

		ArgumentCaptor<String> passwords = ArgumentCaptor.forClass(String.class);
		verify(users, times(2)).createFirstAdmin(passwords.capture());
		String first = passwords.getAllValues().get(0);
		String second = passwords.getAllValues().get(1);
		assertThat(first).hasSize(20).isNotEqualTo(second);
		assertThat(PasswordPolicy.check(first)).isNull();
		assertThat(output.getOut()).contains(first, second);
		assertThat(output.getOut()
			.lines()
			.filter(line -> line.contains(" INFO ") || line.contains(" WARN "))
			.noneMatch(line -> line.contains(first) || line.contains(second))).as("no log line holds it").isTrue();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
