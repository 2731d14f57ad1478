package io.contactsync.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.contactsync.platform.Actor;
import io.contactsync.platform.AuditedChange;
import io.contactsync.platform.ChangeNumbers;
import io.contactsync.platform.ChangeOrigin;
import io.contactsync.platform.FieldChange;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit module on its own (with the platform it stands on) and a database of its own:
 * it logs the changes any module announces, in the transaction that made them. The
 * changes here are announced by the test, as a module would announce its own.
 */
@ApplicationModuleTest
class ChangeLogModuleTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ChangeLog changeLog;

	@Autowired
	ChangeNumbers changeNumbers;

	@Autowired
	ApplicationContext context;

	@Test
	void onlyTheAuditModuleAndThePlatformItStandsOnAreStarted() {
		// the module of a bean is the package under io.contactsync its class lives in
		Pattern module = Pattern.compile("io\\.contactsync\\.([a-z]+)\\..*");
		Set<String> modules = Arrays.stream(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter(Objects::nonNull)
			.map(type -> module.matcher(type.getName()))
			.filter(Matcher::matches)
			.map(matcher -> matcher.group(1))
			.collect(Collectors.toSet());

		assertThat(modules).containsExactlyInAnyOrder("audit", "platform");
	}

	@Test
	void aCommittedChangeIsLoggedFieldByFieldWithWhoMadeItAndThroughWhat() {
		String no = aContactNo();

		transaction.executeWithoutResult(status -> events.publishEvent(new Change("CONTACT", no,
				List.of(new FieldChange("name", "Aker", "Aker Maskin AS"), new FieldChange("city", null, "Oslo")),
				new Actor("kari", ChangeOrigin.API), null)));

		assertThat(logOf(no)).extracting(ChangeLog.Entry::field, ChangeLog.Entry::oldValue, ChangeLog.Entry::newValue)
			.containsExactlyInAnyOrder(tuple("name", "Aker", "Aker Maskin AS"), tuple("city", null, "Oslo"));
		assertThat(logOf(no)).allSatisfy(entry -> {
			assertThat(entry.user()).isEqualTo("kari");
			assertThat(entry.origin()).isEqualTo("API");
			assertThat(entry.recordType()).isEqualTo("CONTACT");
			assertThat(entry.causedBy()).isNull();
		});
	}

	@Test
	void aChangeThatIsRolledBackLeavesNoTrace() {
		String no = aContactNo();

		transaction.executeWithoutResult(status -> {
			events.publishEvent(new Change("CONTACT", no, List.of(new FieldChange("name", "Aker", "Fjellvent")),
					new Actor("kari", ChangeOrigin.USER), null));
			status.setRollbackOnly();
		});

		assertThat(logOf(no)).isEmpty();
	}

	@Test
	void theEntriesOfATransactionAreWrittenAsItCommitsNotBefore() {
		String no = aContactNo();

		List<ChangeLog.Entry> seenInside = transaction.execute(status -> {
			events.publishEvent(new Change("CONTACT", no, List.of(new FieldChange("name", "Aker", "Fjellvent")),
					new Actor("kari", ChangeOrigin.USER), null));
			return logOf(no);
		});

		assertThat(seenInside).isEmpty();
		assertThat(logOf(no)).hasSize(1);
	}

	@Test
	void aChangeNumberNotDrawnFromThisServerIsNotWrittenAndTheChangeIsToBeTriedAgain() {
		String no = aContactNo();
		long drawn = changeNumbers.next();
		// A number this service never drew: as one drawn from a server that has since
		// restarted and may hand it out again.
		long stranger = drawn + 1_000_000;

		assertThatExceptionOfType(TransientDataAccessResourceException.class)
			.isThrownBy(() -> transaction.executeWithoutResult(status -> events
				.publishEvent(new Change("CONTACT", no, List.of(new FieldChange("name", "Aker", "Fjellvent")),
						new Actor("kari", ChangeOrigin.USER), stranger))));

		assertThat(logOf(no)).isEmpty();
		transaction.executeWithoutResult(status -> events.publishEvent(new Change("CONTACT", no,
				List.of(new FieldChange("name", "Aker", "Fjellvent")), new Actor("kari", ChangeOrigin.USER), null)));
		assertThat(logOf(no)).as("numbers drawn anew after letting go of the old ones").hasSize(1);
	}

	@Test
	void aCarriedChangeNamesTheEntryOfTheChangeThatCausedIt() {
		String contactNo = aContactNo();
		String customerNo = "K" + contactNo;
		Actor kari = new Actor("kari", ChangeOrigin.API);

		transaction.executeWithoutResult(status -> {
			long cause = changeNumbers.next();
			events.publishEvent(new Change("CONTACT", contactNo, List.of(new FieldChange("phoneNo", null, "22334455")),
					kari, cause));
			events.publishEvent(new Change("CUSTOMER", customerNo,
					List.of(new FieldChange("phoneNo", null, "22334455")), kari.carrying(cause), null));
		});

		ChangeLog.Entry original = logOf(contactNo).get(0);
		ChangeLog.Entry carried = changeLog.list("CUSTOMER", customerNo, null, null).items().get(0);
		assertThat(carried.causedBy()).isEqualTo(original.id());
		assertThat(carried.origin()).isEqualTo("SYNC");
		assertThat(carried.user()).as("the sync acts for the user who made the change").isEqualTo("kari");
		assertThat(original.origin()).isEqualTo("API");
	}

	@Test
	void aChangeThatChangedNothingIsNotLogged() {
		String no = aContactNo();

		transaction.executeWithoutResult(status -> events
			.publishEvent(new Change("CONTACT", no, List.of(), new Actor("kari", ChangeOrigin.USER), null)));

		assertThat(logOf(no)).isEmpty();
	}

	private List<ChangeLog.Entry> logOf(String contactNo) {
		return changeLog.list("CONTACT", contactNo, null, null).items();
	}

	private static String aContactNo() {
		return "CT" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
	}

	/** A change as any module announces one. */
	record Change(String recordType, String no, List<FieldChange> changes, Actor actor,
			@Nullable Long entryNo) implements AuditedChange {
	}

}
