package io.contactsync.security;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

import io.contactsync.platform.ContactSyncProperties;
import io.contactsync.platform.StartupNotice;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, with no users at all, creates {@code admin}: with the password from
 * {@code CONTACTSYNC_ADMIN_PASSWORD}, or with a random one printed once to the console
 * (never to the log, and never a fixed default). The generated password waits to be
 * printed with the last lines before "ready" ({@link StartupNotice}), where a newcomer
 * sees it; should the start fail before that, it is printed as the application stops, so
 * the only way in is never lost.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner, StartupNotice, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final UserAccounts users;

	private final ContactSyncProperties properties;

	/** The generated password until it is printed; kept nowhere else. */
	private final AtomicReference<@Nullable String> unprinted = new AtomicReference<>();

	FirstAdmin(UserAccounts users, ContactSyncProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		String configured = properties.adminPassword();
		boolean generated = configured == null || configured.isBlank();
		String password = generated ? randomPassword() : configured;
		if (!generated && PasswordPolicy.check(password) != null) {
			throw new IllegalStateException("CONTACTSYNC_ADMIN_PASSWORD " + PasswordPolicy.check(password));
		}
		if (!users.createFirstAdmin(password)) {
			return;
		}
		if (generated) {
			unprinted.set(password);
			log.info(
					"Created the user 'admin' with a generated password, printed once to the console as the start ends");
		}
		else {
			log.info("Created the user 'admin' with the password from CONTACTSYNC_ADMIN_PASSWORD");
		}
	}

	@Override
	public void printOnce() {
		String password = unprinted.getAndSet(null);
		if (password == null) {
			return;
		}
		System.out.println();
		System.out.println("  ContactSync created the user 'admin' with this password (shown only now):");
		System.out.println();
		System.out.println("      " + password);
		System.out.println();
		System.out.println("  Sign in and change it, or start with CONTACTSYNC_ADMIN_PASSWORD set.");
		System.out.println();
	}

	/** A start that failed after the user was made still shows its password. */
	@Override
	public void destroy() {
		printOnce();
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
