package io.contactsync.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.contactsync.support.Api;
import io.contactsync.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class UserAndTokenApiTest extends ApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void noCredentialsIs401ProblemAndAWrongPasswordToo() {
		Api.Response none = anonymous().get("/api/v1/business-relations");
		assertProblem(none, 401, "UNAUTHORIZED");
		assertThat(none.header("WWW-Authenticate")).isPresent();

		assertProblem(Api.anonymous(port).as("admin", "wrong-password").get("/api/v1/business-relations"), 401,
				"UNAUTHORIZED");
		assertProblem(Api.anonymous(port).as("nobody", "wrong-password").get("/api/v1/business-relations"), 401,
				"UNAUTHORIZED");
	}

	@Test
	void fiveWrongPasswordsLockTheNameEvenAgainstTheRightOneAndOthersSignInAsBefore(CapturedOutput output) {
		String username = "gjetter-" + unique().toLowerCase();
		assertThat(admin()
			.post("/api/v1/users",
					Map.of("username", username, "password", "the-right-secret-1", "roles", List.of("VIEWER")))
			.status()).isEqualTo(201);
		Api other = userWithRole("VIEWER");
		String token = admin().post("/api/v1/users/" + username + "/tokens", null).json().get("token").asString();

		for (int i = 0; i < FailedLogins.FREE_ATTEMPTS; i++) {
			assertProblem(Api.anonymous(port).as(username, "guess-" + i).get("/api/v1/setup/marketing"), 401,
					"UNAUTHORIZED");
		}

		Api.Response locked = Api.anonymous(port).as(username, "the-right-secret-1").get("/api/v1/setup/marketing");
		assertProblem(locked, 401, "UNAUTHORIZED");
		assertThat(locked.text()).as("the refusal reads like any other").doesNotContainIgnoringCase("lock");
		assertThat(other.get("/api/v1/setup/marketing").status()).isEqualTo(200);
		assertThat(Api.anonymous(port).withToken(token).get("/api/v1/setup/marketing").status())
			.as("a valid token is not stopped by the lock")
			.isEqualTo(200);
		assertThat(jdbc.sql("SELECT failures FROM failed_login WHERE username = ? AND address = '127.0.0.1'")
			.param(username)
			.query(Integer.class)
			.single()).as("counted in the database, shared by instances, for the guesser's address")
			.isEqualTo(FailedLogins.FREE_ATTEMPTS);
		assertThat(output.getOut()).contains("Sign-in failed for user '" + username + "' from 127.0.0.1")
			.doesNotContain("guess-0");
	}

	@Test
	void administratorCreatesAUserWhoSignsInWithBasic() {
		String username = "kari-" + unique().toLowerCase();

		Api.Response created = admin().post("/api/v1/users",
				Map.of("username", username, "password", "a-long-secret-1", "roles", List.of("SALES", "VIEWER")));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/users/" + username));
		assertThat(created.json().has("password")).as("password is write-only").isFalse();
		assertThat(created.json().get("roles").findValuesAsString("roles")).isEmpty();
		assertThat(created.json().get("enabled").asBoolean()).isTrue();
		assertThat(Api.anonymous(port).as(username, "a-long-secret-1").get("/api/v1/setup/marketing").status())
			.isEqualTo(200);
		assertThat(admin().get("/api/v1/users/" + username).text()).doesNotContain("a-long-secret-1");
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		String username = "hash-" + unique().toLowerCase();
		admin().post("/api/v1/users",
				Map.of("username", username, "password", "plain-text-password", "roles", List.of("VIEWER")));

		String stored = jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.single();

		assertThat(stored).startsWith("{bcrypt}$2").doesNotContain("plain-text-password");
	}

	@Test
	void aTokenIsShownOnceStoredHashedAndAuthenticatesAsItsUser() {
		String username = "robot-" + unique().toLowerCase();
		admin().post("/api/v1/users",
				Map.of("username", username, "password", "robot-password-1", "roles", List.of("VIEWER")));

		Api.Response issued = admin().post("/api/v1/users/" + username + "/tokens", null);

		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(token).hasSizeGreaterThan(40);
		long id = issued.json().get("id").asLong();
		assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(id).query(String.class).single())
			.as("the token's hash is stored")
			.isEqualTo(UserAccounts.sha256(token));
		assertThat(jdbc.sql("SELECT row_to_json(t)::text FROM api_token t WHERE id = ?")
			.param(id)
			.query(String.class)
			.single()).as("and the token itself nowhere in its row").doesNotContain(token.substring(3));
		assertThat(admin().get("/api/v1/users/" + username + "/tokens").text()).as("shown only once")
			.doesNotContain(token.substring(3));
		Api robot = Api.anonymous(port).withToken(token);
		assertThat(robot.get("/api/v1/business-relations").status()).isEqualTo(200);
		assertProblem(robot.post("/api/v1/business-relations", Map.of("code", "X" + unique())), 403, "FORBIDDEN");
		assertProblem(Api.anonymous(port).withToken(token + "x").get("/api/v1/business-relations"), 401,
				"UNAUTHORIZED");

		// As its user, not as whoever made it: a write is logged under the token user's
		// name.
		String adminRobot = robot("ADMIN");
		Api writer = Api.anonymous(port)
			.withToken(admin().post("/api/v1/users/" + adminRobot + "/tokens", null).json().get("token").asString());
		String code = "T" + unique();
		try {
			assertThat(writer.post("/api/v1/business-relations", Map.of("code", code, "description", "Robot")).status())
				.isEqualTo(201);
		}
		finally {
			// Other tests count on admin being the only administrator.
			assertThat(admin().ifMatch(1).delete("/api/v1/users/" + adminRobot).status()).isEqualTo(204);
		}
		assertThat(jdbc.sql("SELECT DISTINCT user_name FROM change_log WHERE no = ?")
			.param("business-relations/" + code)
			.query(String.class)
			.list()).containsExactly(adminRobot);
	}

	@Test
	void aDisabledUserCannotSignIn() {
		String username = "gone-" + unique().toLowerCase();
		admin().post("/api/v1/users",
				Map.of("username", username, "password", "gone-password-1", "roles", List.of("VIEWER")));

		Api.Response patched = admin().ifMatch(1).patch("/api/v1/users/" + username, Map.of("enabled", false));

		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
		assertThat(patched.version()).isEqualTo(2);
		assertProblem(Api.anonymous(port).as(username, "gone-password-1").get("/api/v1/setup/marketing"), 401,
				"UNAUTHORIZED");
	}

	@Test
	void changingThePasswordTakesEffect() {
		String username = "pw-" + unique().toLowerCase();
		admin().post("/api/v1/users",
				Map.of("username", username, "password", "first-password-1", "roles", List.of("VIEWER")));

		admin().ifMatch(1).patch("/api/v1/users/" + username, Map.of("password", "second-password-2"));

		assertProblem(Api.anonymous(port).as(username, "first-password-1").get("/api/v1/setup/marketing"), 401,
				"UNAUTHORIZED");
		assertThat(Api.anonymous(port).as(username, "second-password-2").get("/api/v1/setup/marketing").status())
			.isEqualTo(200);
	}

	@Test
	void badUsersAreRefusedWithTheFieldNamed() {
		Api.Response response = admin().post("/api/v1/users",
				Map.of("username", "Has Spaces", "password", "short", "roles", List.of()));

		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username",
				"password", "roles");
		assertProblem(
				admin().post("/api/v1/users",
						Map.of("username", "x", "password", "long-enough-pw", "roles", List.of("WIZARD"))),
				400, "MALFORMED_REQUEST");
		assertProblem(
				admin().post("/api/v1/users",
						Map.of("username", "admin", "password", "long-enough-pw", "roles", List.of("VIEWER"))),
				409, "ALREADY_EXISTS");
		assertProblem(admin().ifMatch(1).patch("/api/v1/users/admin", Map.of("username", "root")), 400,
				"MALFORMED_REQUEST");
		assertProblem(admin().patch("/api/v1/users/admin", Map.of("enabled", true)), 428, "PRECONDITION_REQUIRED");
	}

	@Test
	void theLastAdministratorCannotBeRemoved() {
		long version = admin().get("/api/v1/users/admin").version();

		assertProblem(admin().ifMatch(version).delete("/api/v1/users/admin"), 409, "IN_USE");
		assertProblem(admin().ifMatch(version).patch("/api/v1/users/admin", Map.of("roles", List.of("VIEWER"))), 409,
				"IN_USE");
		assertThat(admin().get("/api/v1/users/admin").json().get("roles").toString()).contains("ADMIN");
	}

	@Test
	void aUserCanBeDeleted() {
		String username = "temp-" + unique().toLowerCase();
		admin().post("/api/v1/users",
				Map.of("username", username, "password", "temporary-pw-1", "roles", List.of("VIEWER")));

		assertThat(admin().ifMatch(1).delete("/api/v1/users/" + username).status()).isEqualTo(204);
		assertProblem(admin().get("/api/v1/users/" + username), 404, "NOT_FOUND");
	}

	@Test
	void onlyAdministratorsManageUsers() {
		for (String role : new String[] { "SALES", "PURCHASING", "FINANCE", "VIEWER" }) {
			Api user = userWithRole(role);
			assertProblem(user.get("/api/v1/users"), 403, "FORBIDDEN");
			assertProblem(user.post("/api/v1/users", Map.of("username", "x")), 403, "FORBIDDEN");
			assertProblem(user.post("/api/v1/users/admin/tokens", null), 403, "FORBIDDEN");
		}
		assertProblem(anonymous().get("/api/v1/users"), 401, "UNAUTHORIZED");
		assertThat(admin().get("/api/v1/users?limit=2").json().get("items").size()).isEqualTo(2);
	}

	@Test
	void tokensAreListedWithoutTheirSecretAndARevokedOneIsRefused() {
		String username = robot("VIEWER");
		Api.Response issued = admin().post("/api/v1/users/" + username + "/tokens",
				Map.of("name", "ci-runner", "expiresInDays", 7));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		long id = issued.json().get("id").asLong();
		Api robot = Api.anonymous(port).withToken(token);
		assertThat(robot.get("/api/v1/business-relations").status()).isEqualTo(200);

		Api.Response listed = admin().get("/api/v1/users/" + username + "/tokens");

		assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
		JsonNode item = listed.json().get("items").get(0);
		assertThat(listed.json().get("items").size()).isEqualTo(1);
		assertThat(item.get("id").asLong()).isEqualTo(id);
		assertThat(item.get("name").asString()).isEqualTo("ci-runner");
		assertThat(item.get("lastUsed").isNull()).as("used once").isFalse();
		assertThat(Duration.between(Instant.parse(item.get("created").asString()),
				Instant.parse(item.get("expires").asString())))
			.as("expires when asked")
			.isEqualTo(Duration.ofDays(7));
		assertThat(listed.text()).doesNotContain(token).doesNotContain(UserAccounts.sha256(token));

		assertThat(admin().delete("/api/v1/users/" + username + "/tokens/" + id).status()).isEqualTo(204);

		assertProblem(robot.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
		assertThat(admin().get("/api/v1/users/" + username + "/tokens").json().get("items").size()).isZero();
		assertProblem(admin().delete("/api/v1/users/" + username + "/tokens/" + id), 404, "NOT_FOUND");
		assertProblem(admin().delete("/api/v1/users/admin/tokens/" + id), 404, "NOT_FOUND");
	}

	@Test
	void aTokenExpiresAfterNinetyDaysUnlessToldOtherwise() {
		String username = robot("VIEWER");
		Api.Response issued = admin().post("/api/v1/users/" + username + "/tokens", null);
		assertThat(Duration.between(Instant.parse(issued.json().get("created").asString()),
				Instant.parse(issued.json().get("expires").asString())))
			.isEqualTo(Duration.ofDays(90));
		Api robot = Api.anonymous(port).withToken(issued.json().get("token").asString());
		assertThat(robot.get("/api/v1/business-relations").status()).isEqualTo(200);

		jdbc.sql("UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ?")
			.param(issued.json().get("id").asLong())
			.update();

		assertProblem(robot.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
		assertProblem(admin().post("/api/v1/users/" + username + "/tokens", Map.of("expiresInDays", 0)), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/users/" + username + "/tokens", Map.of("expiresInDays", 3651)), 422,
				"VALIDATION_FAILED");
		assertProblem(admin().post("/api/v1/users/" + username + "/tokens", Map.of("name", "a\nb")), 422,
				"VALIDATION_FAILED");
		// Escaped in the JSON: written raw, half a surrogate pair would arrive as '?'.
		assertProblem(admin().post("/api/v1/users/" + username + "/tokens", "{\"name\": \"Halv \\ud800\"}"), 422,
				"VALIDATION_FAILED");
		// Text that is blank to Java's trim() is still text, not a missing number.
		assertProblem(admin().post("/api/v1/users/" + username + "/tokens", "{\"expiresInDays\": \"\\u0000\"}"), 400,
				"MALFORMED_REQUEST");
		assertProblem(admin().post("/api/v1/users/" + username + "/tokens", "{\"expiresInDays\": \" \"}"), 400,
				"MALFORMED_REQUEST");
		assertProblem(admin().post("/api/v1/users/nobody-" + unique().toLowerCase() + "/tokens", null), 404,
				"NOT_FOUND");
	}

	@Test
	void aPasswordChangeOrDisablingTheUserEndsItsTokens() {
		String username = robot("VIEWER");
		Api before = Api.anonymous(port)
			.withToken(admin().post("/api/v1/users/" + username + "/tokens", null).json().get("token").asString());
		assertThat(before.get("/api/v1/business-relations").status()).isEqualTo(200);

		admin().ifMatch(1).patch("/api/v1/users/" + username, Map.of("password", "robot-password-2"));

		assertProblem(before.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
		Api after = Api.anonymous(port)
			.withToken(admin().post("/api/v1/users/" + username + "/tokens", null).json().get("token").asString());
		assertThat(after.get("/api/v1/business-relations").status()).as("a token made since works").isEqualTo(200);

		admin().ifMatch(2).patch("/api/v1/users/" + username, Map.of("enabled", false));

		assertProblem(after.get("/api/v1/business-relations"), 401, "UNAUTHORIZED");
	}

	@Test
	void usersRolesPasswordsAndTokensAreInTheChangeLogWithoutSecrets() {
		String username = robot("VIEWER");
		Api.Response issued = admin().post("/api/v1/users/" + username + "/tokens", Map.of("name", "logged"));
		long id = issued.json().get("id").asLong();
		admin().ifMatch(1)
			.patch("/api/v1/users/" + username,
					Map.of("password", "robot-password-3", "roles", List.of("SALES", "VIEWER")));
		admin().delete("/api/v1/users/" + username + "/tokens/" + id);

		Api.Response user = admin().get("/api/v1/change-log?recordType=USER&no=" + username);
		Api.Response token = admin().get("/api/v1/change-log?recordType=API_TOKEN&no=" + username + "/" + id);

		assertThat(user.status()).as(user.toString()).isEqualTo(200);
		assertThat(fields(user)).containsExactlyInAnyOrder("roles: SALES, VIEWER", "password: (changed)",
				"enabled: true", "roles: VIEWER", "password: (changed)");
		assertThat(user.json().get("items").get(0).get("user").asString()).isEqualTo("admin");
		assertThat(fields(token)).contains("name: logged", "revoked: true");
		String logged = user.text() + token.text();
		assertThat(logged).doesNotContain("robot-password")
			.doesNotContain(issued.json().get("token").asString())
			.doesNotContain("{bcrypt}");
		assertThat(userWithRole("VIEWER").get("/api/v1/change-log?recordType=USER&no=" + username)
			.json()
			.get("items")
			.size()).as("only administrators read who may do what").isZero();
	}

	private String robot(String role) {
		String username = "robot-" + unique().toLowerCase();
		Api.Response created = admin().post("/api/v1/users",
				Map.of("username", username, "password", "robot-password-1", "roles", List.of(role)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return username;
	}

	private static List<String> fields(Api.Response changes) {
		List<String> fields = new java.util.ArrayList<>();
		changes.json()
			.get("items")
			.forEach(entry -> fields.add(entry.get("field").asString() + ": " + entry.get("newValue").asString()));
		return fields;
	}

}
