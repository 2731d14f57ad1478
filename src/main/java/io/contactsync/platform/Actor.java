package io.contactsync.platform;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is changing data and through what, so that every change can be recorded with both.
 * At the entry points the actor is the thread's context, as the signed-in user is:
 * requests set the origin from their path (API or USER), and a job or the demo loader
 * runs its work {@link #runAs} itself. A change the application makes on behalf of
 * another (the sync, a primary contact's name) is never found there: its actor, with the
 * cause, is the causing event's {@code carrier()}, passed explicitly to the write.
 *
 * @param user the user name on whose behalf the change is made
 * @param origin where it came from
 * @param causedBy for a change the sync carried, the change log entry of the change that
 * caused it
 * @param hops how many carried changes lie between this one and the user's own: 0 for the
 * user's change, 1 for what the sync carried from it, and so on
 * @param sourceSystem the other system a write came from, as its request said
 * ({@code X-Source-System: crm}); what the sync carries from it keeps it, so that a
 * subscriber can leave out the echo of its own writes. Null for the product's own users.
 * @param importId the import (docs/import.md) a change was made by, and what the sync
 * carried from it: the change log keeps it, so that an import's changes can be found and
 * undone. Null for any other change.
 */
public record Actor(String user, ChangeOrigin origin, @Nullable Long causedBy, int hops, @Nullable String sourceSystem,
		@Nullable Long importId) {

	public Actor(String user, ChangeOrigin origin) {
		this(user, origin, null, 0, null, null);
	}

	public Actor(String user, ChangeOrigin origin, @Nullable Long causedBy, int hops, @Nullable String sourceSystem) {
		this(user, origin, causedBy, hops, sourceSystem, null);
	}

	/** A user's import of a file: origin IMPORT, with the import's id. */
	public static Actor importing(String user, long importId) {
		return new Actor(user, ChangeOrigin.IMPORT, null, 0, null, importId);
	}

	/**
	 * The system carrying a change on behalf of this actor's user, caused by a change log
	 * entry: one hop further from the user's own change.
	 */
	public Actor carrying(@Nullable Long cause) {
		return new Actor(user, ChangeOrigin.SYNC, cause, hops + 1, sourceSystem, importId);
	}

	/** The user name recorded for what the application does of its own accord. */
	public static final String SYSTEM = "system";

	private static final ThreadLocal<@Nullable Actor> CURRENT = new ThreadLocal<>();

	private static final ThreadLocal<@Nullable ChangeOrigin> REQUEST_ORIGIN = new ThreadLocal<>();

	private static final ThreadLocal<@Nullable String> REQUEST_SOURCE_SYSTEM = new ThreadLocal<>();

	/** The actor of the work on this thread. */
	public static Actor current() {
		Actor explicit = CURRENT.get();
		if (explicit != null) {
			return explicit;
		}
		ChangeOrigin origin = REQUEST_ORIGIN.get();
		return new Actor(authenticatedUser(), origin != null ? origin : ChangeOrigin.IMPORT, null, 0,
				REQUEST_SOURCE_SYSTEM.get());
	}

	/** Runs work as the given actor, restoring the previous one afterwards. */
	public static <T> T runAs(Actor actor, Supplier<T> work) {
		Actor previous = CURRENT.get();
		CURRENT.set(actor);
		try {
			return work.get();
		}
		finally {
			CURRENT.set(previous);
		}
	}

	/** Runs work as the given actor, restoring the previous one afterwards. */
	public static void runAs(Actor actor, Runnable work) {
		runAs(actor, () -> {
			work.run();
			return null;
		});
	}

	/** Whether the signed-in user has one of the roles (ADMIN, SALES, ...). */
	public static boolean hasAnyRole(String... roles) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		Set<String> wanted = Arrays.stream(roles).map(role -> "ROLE_" + role).collect(Collectors.toSet());
		return authentication.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
	}

	/**
	 * Marks the requests of this thread as coming through the API or the UI, and from
	 * which other system, if the request said so.
	 */
	static void setRequestOrigin(@Nullable ChangeOrigin origin, @Nullable String sourceSystem) {
		if (origin == null) {
			REQUEST_ORIGIN.remove();
			REQUEST_SOURCE_SYSTEM.remove();
		}
		else {
			REQUEST_ORIGIN.set(origin);
			REQUEST_SOURCE_SYSTEM.set(sourceSystem);
		}
	}

	private static String authenticatedUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
			return SYSTEM;
		}
		return authentication.getName();
	}

}
