package io.contactsync.interaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.contactsync.support.DemoCompanyApiTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an SMTP server (GreenMail here), mail leaves the outbox after the commit that
 * wrote it, is tried again when the server refuses, and goes out once however many
 * senders look at the outbox.
 */
class SmtpMailTest extends DemoCompanyApiTest {

	/** Subjects starting so are refused by the server the first time they are tried. */
	private static final String FLAKY = "Ustabil ";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		// a retry the test can wait for
		registry.add("contactsync.mail.retry-first", () -> "200ms");
		registry.add("contactsync.mail.sweep-interval", () -> "200ms");
	}

	/** The server, as reached from the application, refusing each flaky message once. */
	@TestConfiguration
	static class FlakyServer {

		@Bean
		JavaMailSender flakySmtp() {
			List<String> refused = new ArrayList<>();
			JavaMailSenderImpl sender = new JavaMailSenderImpl() {
				@Override
				protected void doSend(MimeMessage[] messages, Object[] originals) {
					for (MimeMessage message : messages) {
						String subject = subject(message);
						synchronized (refused) {
							if (subject.startsWith(FLAKY) && !refused.contains(subject)) {
								refused.add(subject);
								throw new MailSendException("421 Service not available, try later");
							}
						}
					}
					super.doSend(messages, originals);
				}
			};
			sender.setHost("127.0.0.1");
			sender.setPort(smtp.getSmtp().getPort());
			return sender;
		}

	}

	@Autowired
	MailOut mail;

	@Autowired
	MailDelivery delivery;

	@Autowired
	JavaMailSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void anEmailToAContactGoesOutBySmtpAndIsLogged() {
		JsonNode company = company("Smtp AS", "email", "innkjop@smtp-as.no");
		String subject = "Tilbud på ventilasjon " + unique();

		assertThat(admin()
			.post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", subject, "body", "Se vedlagt."))
			.status()).isEqualTo(202);

		MimeMessage received = awaitReceived(subject);
		assertThat(recipient(received)).isEqualTo("innkjop@smtp-as.no");
		await(() -> "SENT".equals(status(subject)), "the outbox says SENT");
		assertThat(admin().get("/api/v1/contacts/" + no(company) + "/interactions").json().size()).isEqualTo(1);
	}

	@Test
	void aSentDocumentGoesOutBySmtpWithItsPdf() throws Exception {
		JsonNode customer = customer("Smtp Dokument AS", "email", "ordre@smtp-dok.no");
		JsonNode order = create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer)));

		assertThat(admin().post("/api/v1/sales-orders/" + no(order) + "/send", Map.of()).status()).isEqualTo(202);

		MimeMessage sent = awaitReceived("Ordrebekreftelse " + no(order));
		assertThat(((Multipart) sent.getContent()).getBodyPart(1).getFileName()).isEqualTo(no(order) + ".pdf");
	}

	@Test
	void mailLeavesOnlyOnceTheTransactionThatWroteItCommitted() throws Exception {
		String subject = "Etter commit " + unique();
		ExecutorService otherSender = Executors.newSingleThreadExecutor();
		try {
			new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
				mail.send("etter@commit.no", subject, "Hei", null, null);
				try {
					// another sender, on its own connection, finds nothing to send yet
					otherSender.submit(() -> delivery.sendDue(sender)).get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				assertThat(received(subject)).as("sent before the commit").isEmpty();
			});
		}
		finally {
			otherSender.shutdown();
		}

		awaitReceived(subject);
		await(() -> "SENT".equals(status(subject)), "the outbox says SENT");
	}

	@Test
	void aRolledBackActionSendsNothing() throws Exception {
		String subject = "Rullet tilbake " + unique();

		new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
			mail.send("tilbake@rull.no", subject, "Hei", null, null);
			transaction.setRollbackOnly();
		});
		delivery.sendDue(sender);
		Thread.sleep(500);

		assertThat(received(subject)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE subject = ?")
			.param(subject)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMessageTheServerRefusedIsTriedAgainAndGoesOutOnce() {
		JsonNode company = company("Ustabil Server AS", "email", "post@ustabil.no");
		String subject = FLAKY + unique();

		assertThat(admin()
			.post("/api/v1/contacts/" + no(company) + "/emails", Map.of("subject", subject, "body", "Andre gang"))
			.status()).isEqualTo(202);

		awaitReceived(subject);
		await(() -> "SENT".equals(status(subject)), "the outbox says SENT");
		assertThat(jdbc.sql("SELECT attempts FROM outbox_message WHERE subject = ?")
			.param(subject)
			.query(Integer.class)
			.single()).as("refused once, sent the second time").isEqualTo(2);
		assertThat(received(subject)).hasSize(1);
	}

	@Test
	void twoSendersAtOnceSendEachMessageOnce() throws Exception {
		String prefix = "Samtidig " + unique() + " ";
		// written as not yet due, so that nothing sends them before both senders start
		for (int i = 0; i < 30; i++) {
			jdbc.sql("INSERT INTO outbox_message (created_by, recipient, subject, body, next_attempt_at)"
					+ " VALUES ('test', 'samtidig@send.no', ?, 'Hei', now() + interval '1 hour')")
				.param(prefix + i)
				.update();
		}
		jdbc.sql("UPDATE outbox_message SET next_attempt_at = now() WHERE subject LIKE ?").param(prefix + "%").update();

		Callable<Integer> drain = () -> {
			int claimed = 0;
			for (int batch; (batch = delivery.sendDue(sender)) > 0;) {
				claimed += batch;
			}
			return claimed;
		};
		ExecutorService senders = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> both = senders.invokeAll(List.of(drain, drain));
			for (Future<Integer> each : both) {
				each.get();
			}
		}
		finally {
			senders.shutdown();
		}

		await(() -> jdbc.sql("SELECT count(*) FROM outbox_message WHERE subject LIKE ? AND status = 'SENT'")
			.param(prefix + "%")
			.query(Long.class)
			.single() == 30, "all 30 SENT");
		for (int i = 0; i < 30; i++) {
			assertThat(received(prefix + i)).as(prefix + i).hasSize(1);
		}
		assertThat(jdbc.sql("SELECT max(attempts) FROM outbox_message WHERE subject LIKE ?")
			.param(prefix + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whatWaitedWhileNoServerWasConfiguredIsSentOnceOneIs() {
		String subject = "Ventet i utboksen " + unique();
		// as a message written while spring.mail.host was not set: waiting, never tried
		jdbc.sql("INSERT INTO outbox_message (created_by, recipient, subject, body, created_at, next_attempt_at)"
				+ " VALUES ('test', 'ventet@utboks.no', ?, 'Hei', now() - interval '1 day', now() - interval '1 day')")
			.param(subject)
			.update();

		awaitReceived(subject);
		await(() -> "SENT".equals(status(subject)), "the outbox says SENT");
	}

	@Test
	void aClaimWhoseInstanceDiedIsTakenUpAgainOnceItsLeaseRanOut() {
		String subject = "Etter omstart " + unique();
		// claimed by an instance that died before it sent: SENDING, its lease run out
		jdbc.sql("INSERT INTO outbox_message (created_by, recipient, subject, body, status, attempts,"
				+ " first_attempt_at, lease_until) VALUES ('test', 'omstart@utboks.no', ?, 'Hei', 'SENDING', 1,"
				+ " now() - interval '5 minutes', now() - interval '1 second')")
			.param(subject)
			.update();

		awaitReceived(subject);
		await(() -> "SENT".equals(status(subject)), "the outbox says SENT");
		assertThat(received(subject)).hasSize(1);
	}

	private String status(String subject) {
		return jdbc.sql("SELECT status FROM outbox_message WHERE subject = ?")
			.param(subject)
			.query(String.class)
			.single();
	}

	private static List<MimeMessage> received(String subject) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject.equals(subject(m))).toList();
	}

	private static MimeMessage awaitReceived(String subject) {
		await(() -> !received(subject).isEmpty(), "a mail with subject " + subject);
		return received(subject).get(0);
	}

	private static void await(BooleanSupplier condition, String what) {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Waited 15 s for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return String.valueOf(message.getSubject());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
