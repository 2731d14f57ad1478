package io.contactsync.interaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/** One interaction with a contact, as the API shows it. */
public record InteractionLogEntry(long entryNo, @Nullable String contactNo, @Nullable String contactCompanyNo,
		String contactName, LocalDate date, LocalTime time, String interactionTemplateCode, String description,
		String informationFlow, String initiatedBy, BigDecimal costLcy, BigDecimal durationMin,
		@Nullable String documentType, @Nullable String documentNo, @Nullable String salespersonCode, String userId,
		boolean canceled) {
}
