package io.contactsync.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.contactsync.platform.Message;
import io.contactsync.platform.Actor;
import io.contactsync.platform.ExpectedVersion;
import io.contactsync.platform.FieldChange;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Page;
import io.contactsync.platform.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users, their roles and their API tokens. Passwords are kept as bcrypt hashes and
 * tokens as SHA-256 hashes: a token is long and random, so a fast hash is enough, and the
 * token itself exists only in the answer that created it.
 */
@Service
public class UserAccounts implements UserDetailsService {

	static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{1,50}$");

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final FailedLogins failedLogins;

	private final ApplicationEventPublisher events;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, FailedLogins failedLogins,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.failedLogins = failedLogins;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql("SELECT username, password_hash, enabled FROM app_user WHERE username = ?")
			.param(username)
			.query((rs, n) -> User.withUsername(rs.getString(1))
				.password(rs.getString(2))
				.disabled(!rs.getBoolean(3))
				.accountLocked(failedLogins.isLocked(username))
				.authorities(roles(username).stream().map(Role::authority).toArray(String[]::new))
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Transactional(readOnly = true)
	public Page<UserAccount> list(@Nullable Integer limit, @Nullable String cursor) {
		int size = Page.limit(limit);
		String after = Page.decode(cursor);
		List<UserAccount> users = jdbc
			.sql("SELECT username, enabled, version FROM app_user WHERE username > ? ORDER BY username LIMIT ?")
			.params(after == null ? "" : after, size + 1)
			.query((rs, n) -> new UserAccount(rs.getString(1), roles(rs.getString(1)), rs.getBoolean(2), rs.getLong(3)))
			.list();
		return Page.of(users, size, UserAccount::username);
	}

	@Transactional(readOnly = true)
	public UserAccount get(String username) {
		return find(username).orElseThrow(() -> new Problems.NotFound(Problems.kindName("USER"), username));
	}

	@Transactional
	public UserAccount create(UserRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
			errors.add(new FieldError("username", "invalid.username"));
		}
		Message passwordProblem = PasswordPolicy.check(request.password());
		if (passwordProblem != null) {
			errors.add(new FieldError("password", passwordProblem));
		}
		if (request.roles() == null || request.roles().isEmpty()) {
			errors.add(new FieldError("roles", "invalid.roles"));
		}
		if (!errors.isEmpty()) {
			throw new Problems.ValidationFailed(errors);
		}
		String username = request.username();
		if (find(username).isPresent()) {
			throw new Problems.AlreadyExists(Problems.kindName("USER"), username);
		}
		String by = Actor.current().user();
		jdbc.sql(
				"INSERT INTO app_user (username, password_hash, enabled, created_by, updated_by) VALUES (?, ?, ?, ?, ?)")
			.params(username, passwords.encode(request.password()), request.enabled() == null || request.enabled(), by,
					by)
			.update();
		writeRoles(username, request.roles());
		UserAccount created = get(username);
		audit(username,
				List.of(new FieldChange("enabled", null, Boolean.toString(created.enabled())),
						new FieldChange("roles", null, roleNames(created.roles())),
						new FieldChange("password", null, SecurityChange.PASSWORD_CHANGED)));
		return created;
	}

	/** Changes password, roles or enabled, as a JSON merge patch. */
	@Transactional
	public UserAccount patch(String username, ExpectedVersion expected, JsonNode patch) {
		UserAccount current = lock(username);
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(Problems.kindName("USER"), username, current.version());
		}
		UserPatch changes = UserPatch.read(patch);
		Set<Role> roles = changes.roles() != null ? changes.roles() : current.roles();
		boolean enabled = changes.enabled() != null ? changes.enabled() : current.enabled();
		if (current.roles().contains(Role.ADMIN) && current.enabled() && (!roles.contains(Role.ADMIN) || !enabled)) {
			requireAnotherAdmin(username);
		}
		String by = Actor.current().user();
		List<FieldChange> logged = new ArrayList<>();
		if (changes.password() != null) {
			// Tokens made before now stop working (ApiTokens.authenticate).
			jdbc.sql("UPDATE app_user SET password_hash = ?, password_changed_at = now() WHERE username = ?")
				.params(passwords.encode(changes.password()), username)
				.update();
			logged.add(new FieldChange("password", null, SecurityChange.PASSWORD_CHANGED));
		}
		jdbc.sql("UPDATE app_user SET enabled = ?, updated_at = now(), updated_by = ?, version = version + 1"
				+ " WHERE username = ?")
			.params(enabled, by, username)
			.update();
		writeRoles(username, roles);
		if (enabled != current.enabled()) {
			logged.add(new FieldChange("enabled", Boolean.toString(current.enabled()), Boolean.toString(enabled)));
		}
		if (!roles.equals(current.roles())) {
			logged.add(new FieldChange("roles", roleNames(current.roles()), roleNames(roles)));
		}
		audit(username, logged);
		return get(username);
	}

	@Transactional
	public void delete(String username, ExpectedVersion expected) {
		UserAccount current = lock(username);
		if (!expected.matches(current.version())) {
			throw new Problems.VersionConflict(Problems.kindName("USER"), username, current.version());
		}
		if (current.roles().contains(Role.ADMIN) && current.enabled()) {
			requireAnotherAdmin(username);
		}
		jdbc.sql("DELETE FROM app_user WHERE username = ?").param(username).update();
		audit(username, List.of(new FieldChange("enabled", Boolean.toString(current.enabled()), null),
				new FieldChange("roles", roleNames(current.roles()), null)));
	}

	private void audit(String username, List<FieldChange> changes) {
		events.publishEvent(new SecurityChange(SecurityChange.USER, username, changes, Actor.current()));
	}

	private static String roleNames(Set<Role> roles) {
		return String.join(", ", roles.stream().map(Role::name).sorted().toList());
	}

	/**
	 * Creates the {@code admin} user when there are no users at all.
	 * @return true when it was created
	 */
	@Transactional
	public boolean createFirstAdmin(String password) {
		Long users = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
		if (users > 0) {
			return false;
		}
		jdbc.sql("INSERT INTO app_user (username, password_hash, created_by, updated_by) VALUES ('admin', ?, ?, ?)")
			.params(passwords.encode(password), Actor.SYSTEM, Actor.SYSTEM)
			.update();
		writeRoles("admin", EnumSet.of(Role.ADMIN));
		audit("admin", List.of(new FieldChange("enabled", null, "true"), new FieldChange("roles", null, "ADMIN"),
				new FieldChange("password", null, SecurityChange.PASSWORD_CHANGED)));
		return true;
	}

	private Optional<UserAccount> find(String username) {
		return jdbc.sql("SELECT username, enabled, version FROM app_user WHERE username = ?")
			.param(username)
			.query((rs, n) -> new UserAccount(rs.getString(1), roles(username), rs.getBoolean(2), rs.getLong(3)))
			.optional();
	}

	private UserAccount lock(String username) {
		return jdbc.sql("SELECT username, enabled, version FROM app_user WHERE username = ? FOR UPDATE")
			.param(username)
			.query((rs, n) -> new UserAccount(rs.getString(1), roles(username), rs.getBoolean(2), rs.getLong(3)))
			.optional()
			.orElseThrow(() -> new Problems.NotFound(Problems.kindName("USER"), username));
	}

	/** Nobody may lock everyone out: the last enabled administrator stays. */
	private void requireAnotherAdmin(String username) {
		Long others = jdbc
			.sql("SELECT count(*) FROM app_user u JOIN app_user_role r ON r.username = u.username"
					+ " WHERE r.role = 'ADMIN' AND u.enabled AND u.username <> ?")
			.param(username)
			.query(Long.class)
			.single();
		if (others == 0) {
			throw new Problems.InUse(Message.of("detail.lastAdministrator", username));
		}
	}

	private Set<Role> roles(String username) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("SELECT role FROM app_user_role WHERE username = ?")
			.param(username)
			.query(String.class)
			.list()
			.forEach(role -> roles.add(Role.valueOf(role)));
		return roles;
	}

	private void writeRoles(String username, Set<Role> roles) {
		jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
		}
	}

	static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** The fields a merge patch of a user may change, read strictly. */
	@Schema(name = "UserPatch", description = "A JSON merge patch of a user: the fields present change.")
	record UserPatch(@Nullable String password, @Nullable Set<Role> roles, @Nullable Boolean enabled) {

		static UserPatch read(JsonNode patch) {
			if (!patch.isObject()) {
				throw new Problems.MalformedRequest("body", "invalid.object");
			}
			List<FieldError> malformed = new ArrayList<>();
			List<FieldError> invalid = new ArrayList<>();
			String password = null;
			Set<Role> roles = null;
			Boolean enabled = null;
			for (Map.Entry<String, JsonNode> property : patch.properties()) {
				JsonNode value = property.getValue();
				switch (property.getKey()) {
					case "password" -> {
						if (!value.isString()) {
							malformed.add(new FieldError("password", "invalid.string"));
						}
						else {
							password = value.asString();
							Message problem = PasswordPolicy.check(password);
							if (problem != null) {
								invalid.add(new FieldError("password", problem));
							}
						}
					}
					case "roles" -> {
						roles = readRoles(value, malformed, invalid);
					}
					case "enabled" -> {
						if (!value.isBoolean()) {
							malformed.add(new FieldError("enabled", "invalid.boolean"));
						}
						else {
							enabled = value.booleanValue();
						}
					}
					case "username", "version" -> malformed.add(new FieldError(property.getKey(), "invalid.readOnly"));
					default -> malformed
						.add(new FieldError(property.getKey(), "invalid.notAField", Problems.kindName("USER")));
				}
			}
			if (!malformed.isEmpty()) {
				throw new Problems.MalformedRequest(Message.of("detail.bodyDoesNotFit", Problems.kindName("USER")),
						malformed);
			}
			if (!invalid.isEmpty()) {
				throw new Problems.ValidationFailed(invalid);
			}
			return new UserPatch(password, roles, enabled);
		}

		private static @Nullable Set<Role> readRoles(JsonNode value, List<FieldError> malformed,
				List<FieldError> invalid) {
			if (!value.isArray()) {
				malformed.add(new FieldError("roles", "invalid.roleList"));
				return null;
			}
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (JsonNode role : value) {
				if (!role.isString()) {
					malformed.add(new FieldError("roles", "invalid.roleList"));
					return null;
				}
				try {
					roles.add(Role.valueOf(role.asString()));
				}
				catch (IllegalArgumentException ex) {
					invalid.add(new FieldError("roles", "invalid.role", role.asString()));
					return null;
				}
			}
			if (roles.isEmpty()) {
				invalid.add(new FieldError("roles", "invalid.roles"));
			}
			return roles;
		}

	}

}
