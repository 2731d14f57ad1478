package io.contactsync.ui;

import java.time.Instant;
import java.util.List;

import io.contactsync.audit.ChangeLog.Entry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeLogLinesTest {

	private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

	private static Entry entry(long id, String type, String no, String field, Long causedBy) {
		return new Entry(id, AT.plusMillis(id), "kari", causedBy == null ? "USER" : "SYNC", type, no, field, "a", "b",
				causedBy, null, null);
	}

	@Test
	void aChangeComesFirstWithWhatTheSyncCarriedFromItBelowIt() {
		// newest first, as the change log answers: the contact's two fields, the
		// customer's and vendor's carried changes, and an older, unrelated change
		List<Entry> page = List.of(entry(15, "VENDOR", "L1", "phoneNo", 10L), entry(14, "CUSTOMER", "K1", "email", 10L),
				entry(13, "CUSTOMER", "K1", "phoneNo", 10L), entry(11, "CONTACT", "KT1", "email", null),
				entry(10, "CONTACT", "KT1", "phoneNo", null), entry(5, "CONTACT", "KT9", "name", null));

		List<ChangeLogLines.Line> lines = ChangeLogLines.of(page);

		assertThat(lines).extracting(line -> line.entry().id()).containsExactly(10L, 11L, 13L, 14L, 15L, 5L);
		assertThat(lines).extracting(ChangeLogLines.Line::caused)
			.containsExactly(false, false, true, true, true, false);
		assertThat(lines).extracting(ChangeLogLines.Line::firstOfGroup)
			.containsExactly(true, false, false, false, false, true);
	}

	@Test
	void aCarriedChangeWhoseCauseIsOnAnotherPageStandsAlone() {
		List<Entry> page = List.of(entry(21, "CUSTOMER", "K1", "phoneNo", 3L),
				entry(20, "CONTACT", "KT2", "name", null));

		assertThat(ChangeLogLines.of(page)).extracting(line -> line.entry().id()).containsExactly(21L, 20L);
	}

}
