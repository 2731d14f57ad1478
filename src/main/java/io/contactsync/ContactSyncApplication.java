package io.contactsync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * ContactSync keeps a business's contacts apart from its customers, vendors and bank
 * accounts, links them, and keeps the details they share in step.
 */
@Modulithic(systemName = "ContactSync", sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContactSyncApplication {

	public static void main(String[] args) {
		SpringApplication.run(ContactSyncApplication.class, args);
	}

}
