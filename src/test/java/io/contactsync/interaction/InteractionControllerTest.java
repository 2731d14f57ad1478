package io.contactsync.interaction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import io.contactsync.support.ApiSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The interaction endpoints translate HTTP to the interaction services and back; what is
 * logged and sent is the services', tested over the whole application
 * (InteractionLogApiTest, SmtpMailTest).
 */
@ApiSlice(InteractionController.class)
@WithMockUser
class InteractionControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	InteractionLog log;

	@MockitoBean
	ContactEmails emails;

	@MockitoBean
	MailOut mail;

	@Test
	void anInteractionLoggedByHandIsCreatedWhereItCanBeReadAgain() {
		InteractionLog.Request request = new InteractionLog.Request("PHONE", "Called about the offer",
				LocalDate.of(2026, 11, 30), new BigDecimal("12.5"), new BigDecimal("15"));
		given(log.logByHand("CT000010", request)).willReturn(entry(41));

		MvcTestResult result = mvc.post()
			.uri("/api/v1/contacts/CT000010/interactions")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"interactionTemplateCode": "PHONE", "description": "Called about the offer",
					 "date": "2026-11-30", "costLcy": 12.5, "durationMin": 15}""")
			.exchange();

		assertThat(result).hasStatus(201).hasHeader("Location", "/api/v1/interaction-log-entries/41");
		assertThat(result).bodyJson().extractingPath("$.entryNo").isEqualTo(41);
		assertThat(result).bodyJson().extractingPath("$.date").isEqualTo("2026-11-30");
	}

	@Test
	void mailToAContactIsAcceptedWithoutABody() {
		MvcTestResult result = mvc.post()
			.uri("/api/v1/contacts/CT000010/emails")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subject\": \"Your order\", \"body\": \"It is on its way.\"}")
			.exchange();

		assertThat(result).hasStatus(202);
		assertThat(result).body().isEmpty();
		verify(emails).send("CT000010", new ContactEmails.Email("Your order", "It is on its way."));
	}

	@Test
	void mailToAContactWithoutAnAddressIsAProblemTheClientCanActOn() {
		willThrow(new ContactEmailMissing("CT000010")).given(emails).send(any(), any());

		MvcTestResult result = mvc.post()
			.uri("/api/v1/contacts/CT000010/emails")
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subject\": \"Your order\", \"body\": \"It is on its way.\"}")
			.exchange();

		assertThat(result).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo("CONTACT_EMAIL_MISSING");
	}

	@Test
	void anOutboxPageLargerThanTheApiAllowsIsRefusedBeforeTheOutboxIsRead() {
		MvcTestResult result = mvc.get().uri("/api/v1/outbox?limit=1001").exchange();

		assertThat(result).hasStatus(422);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
		verifyNoInteractions(mail);
	}

	@Test
	void anEntryNumberThatIsNoNumberIsAMalformedRequestNamingIt() {
		MvcTestResult result = mvc.post().uri("/api/v1/interaction-log-entries/first/cancel").with(csrf()).exchange();

		assertThat(result).hasStatus(400);
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("entryNo");
		verifyNoInteractions(log);
	}

	private static InteractionLogEntry entry(long entryNo) {
		return new InteractionLogEntry(entryNo, "CT000010", "CT000010", "Aker Maskin AS", LocalDate.of(2026, 11, 30),
				LocalTime.of(9, 30), "PHONE", "Called about the offer", "OUTBOUND", "US", new BigDecimal("12.5"),
				new BigDecimal("15"), null, null, null, "admin", false);
	}

}
