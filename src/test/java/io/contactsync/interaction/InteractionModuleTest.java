package io.contactsync.interaction;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.contactsync.contact.ContactDeleting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interaction module with the modules it needs (contact, and the setup and numbering
 * a contact needs), on a database of its own: the log keeps its entries when a contact
 * goes, whatever module deletes it. The audit module comes along because the platform's
 * table engine takes the numbers of its change-log entries from it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "audit")
class InteractionModuleTest {

	@Autowired
	InteractionLog log;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private String company;

	private String person;

	@BeforeEach
	void aCompanyWithAPersonAndAPhoneCallTemplate() {
		String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
		company = "CT" + tag;
		person = "CP" + tag;
		jdbc.sql("INSERT INTO contact (no, type, name, company_no) VALUES (?, 'COMPANY', 'Aker Maskin AS', ?)")
			.params(company, company)
			.update();
		jdbc.sql("INSERT INTO contact (no, type, name, company_no) VALUES (?, 'PERSON', 'Kari Nordmann', ?)")
			.params(person, company)
			.update();
		jdbc.sql("INSERT INTO interaction_template (code, description) VALUES ('PHONE', 'Phone call')"
				+ " ON CONFLICT (code) DO NOTHING")
			.update();
	}

	@Test
	void onlyTheModulesAnInteractionNeedsAreStarted() {
		Pattern module = Pattern.compile("io\\.contactsync\\.([a-z]+)\\..*");
		Set<String> modules = Arrays.stream(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter(Objects::nonNull)
			.map(type -> module.matcher(type.getName()))
			.filter(Matcher::matches)
			.map(matcher -> matcher.group(1))
			.collect(Collectors.toSet());

		assertThat(modules).containsExactlyInAnyOrder("interaction", "contact", "setup", "numbering", "platform",
				"audit");
	}

	@Test
	void anInteractionLoggedByHandNamesThePersonAndItsCompany() {
		InteractionLogEntry entry = logACall(person);

		assertThat(entry.contactNo()).isEqualTo(person);
		assertThat(entry.contactCompanyNo()).isEqualTo(company);
		assertThat(entry.contactName()).isEqualTo("Kari Nordmann");
		assertThat(entry.description()).as("the template's, as none was given").isEqualTo("Phone call");
	}

	@Test
	void aDeletedPersonsInteractionsMoveToItsCompany() {
		long entryNo = logACall(person).entryNo();

		transaction.executeWithoutResult(status -> events.publishEvent(new ContactDeleting(person, "PERSON", company)));

		InteractionLogEntry kept = log.get(entryNo);
		assertThat(kept.contactNo()).isEqualTo(company);
		assertThat(kept.contactName()).as("who it was with is still told").isEqualTo("Kari Nordmann");
		assertThat(log.ofContact(company)).extracting(InteractionLogEntry::entryNo).contains(entryNo);
	}

	@Test
	void aDeletedCompanysInteractionsKeepTheirDataWithoutItsNumber() {
		long withCompany = logACall(company).entryNo();
		long withPerson = logACall(person).entryNo();

		transaction
			.executeWithoutResult(status -> events.publishEvent(new ContactDeleting(company, "COMPANY", company)));

		for (long entryNo : new long[] { withCompany, withPerson }) {
			InteractionLogEntry kept = log.get(entryNo);
			assertThat(kept.contactNo()).as("entry %d", entryNo).isNull();
			assertThat(kept.contactCompanyNo()).as("entry %d", entryNo).isNull();
			assertThat(kept.interactionTemplateCode()).isEqualTo("PHONE");
		}
	}

	private InteractionLogEntry logACall(String contactNo) {
		return log.logByHand(contactNo,
				new InteractionLog.Request("PHONE", null, null, new BigDecimal("12.5"), new BigDecimal("15")));
	}

}
