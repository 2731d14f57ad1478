package io.contactsync.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.contactsync.platform.Actor;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.contactsync.platform.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens: made with an expiry, listed without their secret, revoked. Every request
 * checks its token in the database (revoked, expired, user disabled, password changed
 * since the token was made), so all instances refuse a token at once; nothing is cached.
 */
@Service
public class ApiTokens {

	static final int DEFAULT_DAYS = 90;

	static final int MOST_DAYS = 3650;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** What {@code POST /api/v1/users/{u}/tokens} may say; both optional. */
	@Schema(name = "TokenRequest")
	public record Request(@Nullable String name, @Nullable Integer expiresInDays) {
	}

	/** A token as it is listed: never its secret. */
	@Schema(name = "ApiToken")
	public record Token(long id, @Nullable String name, Instant created, @Nullable Instant lastUsed, Instant expires) {
	}

	/** A new token: the secret is in this answer and nowhere else. */
	@Schema(name = "IssuedToken")
	public record Issued(String token, long id, @Nullable String name, Instant created, Instant expires) {
	}

	@Transactional
	public Issued create(String username, @Nullable Request request) {
		String name = request == null ? null : request.name();
		int days = request == null || request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
		if (days < 1 || days > MOST_DAYS) {
			throw new Problems.ValidationFailed("expiresInDays", "invalid.between", "1", Integer.toString(MOST_DAYS));
		}
		if (name != null && (name.isBlank() || TextRules.check("name", name, 100) != null)) {
			throw new Problems.ValidationFailed("name", "invalid.tokenName");
		}
		requireUser(username);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Token made = jdbc
			.sql("INSERT INTO api_token (username, token_hash, created_by, name, expires_at)"
					+ " VALUES (?, ?, ?, ?, now() + ? * interval '1 day')"
					+ " RETURNING id, name, created_at, last_used_at, expires_at")
			.params(username, UserAccounts.sha256(token), Actor.current().user(), name, days)
			.query((rs, n) -> token(rs))
			.single();
		List<FieldChange> changes = new ArrayList<>();
		if (name != null) {
			changes.add(new FieldChange("name", null, name));
		}
		changes.add(new FieldChange("expires", null, made.expires().toString()));
		audit(username, made.id(), changes);
		return new Issued(token, made.id(), made.name(), made.created(), made.expires());
	}

	/** The user's tokens that still work or only expired; revoked ones are gone. */
	@Transactional(readOnly = true)
	public Page<Token> list(String username, @Nullable Integer limit, @Nullable String cursor) {
		requireUser(username);
		int size = Page.limit(limit);
		String after = Page.decode(cursor);
		long from;
		try {
			from = after == null ? 0 : Long.parseLong(after);
		}
		catch (NumberFormatException ex) {
			throw new Problems.MalformedRequest("cursor", "invalid.cursor");
		}
		List<Token> tokens = jdbc
			.sql("SELECT id, name, created_at, last_used_at, expires_at FROM api_token"
					+ " WHERE username = ? AND revoked_at IS NULL AND id > ? ORDER BY id LIMIT ?")
			.params(username, from, size + 1)
			.query((rs, n) -> token(rs))
			.list();
		return Page.of(tokens, size, token -> Long.toString(token.id()));
	}

	@Transactional
	public void revoke(String username, long id) {
		int revoked = jdbc
			.sql("UPDATE api_token SET revoked_at = now() WHERE id = ? AND username = ? AND revoked_at IS NULL")
			.params(id, username)
			.update();
		if (revoked == 0) {
			throw new Problems.NotFound(Problems.kindName("API_TOKEN"), username + "/" + id);
		}
		audit(username, id, List.of(new FieldChange("revoked", "false", "true")));
	}

	/**
	 * The user a token signs in, with the user's roles, if it still may: not revoked, not
	 * expired, its user enabled and the user's password not changed since it was made.
	 * One statement, outside a transaction: it runs before every API request. Notes the
	 * token's use, at most once a minute, so a busy client does not write on every
	 * request.
	 */
	public Optional<SignedIn> authenticate(String token) {
		Optional<Used> found = jdbc
			.sql("SELECT t.id, t.username, t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute',"
					+ " array(SELECT r.role FROM app_user_role r WHERE r.username = t.username ORDER BY r.role)"
					+ " FROM api_token t JOIN app_user u ON u.username = t.username"
					+ " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > now() AND u.enabled"
					+ " AND (u.password_changed_at IS NULL OR t.created_at >= u.password_changed_at)")
			.param(UserAccounts.sha256(token))
			.query((rs, n) -> new Used(rs.getLong(1),
					new SignedIn(rs.getString(2),
							Arrays.stream((String[]) rs.getArray(4).getArray())
								.map(role -> Role.valueOf(role).authority())
								.toList()),
					rs.getBoolean(3)))
			.optional();
		found.filter(Used::noteIt)
			.ifPresent(used -> jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?")
				.param(used.id())
				.update());
		return found.map(Used::user);
	}

	/** Who a token signs in, and the authorities of the user's roles. */
	record SignedIn(String username, List<String> authorities) {
	}

	private record Used(long id, SignedIn user, boolean noteIt) {
	}

	private void requireUser(String username) {
		if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single() == 0) {
			throw new Problems.NotFound(Problems.kindName("USER"), username);
		}
	}

	private void audit(String username, long id, List<FieldChange> changes) {
		events
			.publishEvent(new SecurityChange(SecurityChange.API_TOKEN, username + "/" + id, changes, Actor.current()));
	}

	private static Token token(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp lastUsed = rs.getTimestamp("last_used_at");
		return new Token(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
				lastUsed == null ? null : lastUsed.toInstant(), rs.getTimestamp("expires_at").toInstant());
	}

}
