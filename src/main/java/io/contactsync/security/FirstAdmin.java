package io.contactsync.security;

import java.security.SecureRandom;

import io.contactsync.platform.ContactSyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, with no users at all, creates {@code admin}: with the password from
 * {@code CONTACTSYNC_ADMIN_PASSWORD}, or with a random one printed once to the console
 * (never to the log, and never a fixed default).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final UserAccounts users;

	private final ContactSyncProperties properties;

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
			System.out.println();
			System.out.println("  ContactSync created the user 'admin' with this password (shown only now):");
			System.out.println();
			System.out.println("      " + password);
			System.out.println();
			System.out.println("  Sign in and change it, or start with CONTACTSYNC_ADMIN_PASSWORD set.");
			System.out.println();
			log.info("Created the user 'admin' with a generated password, printed once to the console");
		}
		else {
			log.info("Created the user 'admin' with the password from CONTACTSYNC_ADMIN_PASSWORD");
		}
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
