package io.contactsync.interaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.contactsync.platform.Backoff;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what waits in the outbox, outside any transaction of the application: woken after
 * a commit that put mail there, and by a sweep every
 * {@code contactsync.mail.sweep-interval} that finds retries whose time has come,
 * messages an instance claimed and never finished (it died, or was stopped hard), and
 * what waited while no SMTP server was configured.
 * <p>
 * A message is claimed before it is sent: it becomes SENDING with a lease, in a statement
 * that skips rows another instance has locked, so two instances never take the same
 * message. A failed attempt waits as the retry policy ({@link Backoff}) says and is given
 * up (FAILED) when the policy's patience ran out. A graceful stop finishes the message in
 * hand and hands the rest of its claim back.
 */
@Component
class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "contactsync-mail");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "contactsync-mail-sweep");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean drainQueued = new AtomicBoolean();

	private volatile boolean stopping;

	private final ObjectProvider<JavaMailSender> smtp;

	private final JdbcClient jdbc;

	private final MailSettings settings;

	private final Backoff backoff;

	MailDelivery(ObjectProvider<JavaMailSender> smtp, JdbcClient jdbc, MailSettings settings) {
		this.smtp = smtp;
		this.jdbc = jdbc;
		this.settings = settings;
		this.backoff = settings.backoff();
	}

	/** What waited while the application was down goes now; from here on, the sweep. */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long period = settings.sweepInterval().toMillis();
		sweep.scheduleWithFixedDelay(this::wake, period, period, TimeUnit.MILLISECONDS);
		wake();
	}

	/** Sends what is due, on the mail thread; a wake while it is queued adds nothing. */
	void wake() {
		if (!stopping && !worker.isShutdown() && drainQueued.compareAndSet(false, true)) {
			worker.execute(this::drain);
		}
	}

	private void drain() {
		drainQueued.set(false);
		JavaMailSender sender = smtp.getIfAvailable();
		if (sender == null) {
			// No SMTP server configured: the mail waits in the outbox for one.
			return;
		}
		try {
			while (!stopping && sendDue(sender) > 0) {
				// claim after claim until nothing is due
			}
		}
		catch (RuntimeException ex) {
			// the database is away, say: the sweep comes back
			log.warn("Mail could not be taken from the outbox: {}", ex.getMessage());
		}
	}

	/**
	 * Claims what is due and sends it with {@code sender}.
	 * @return how many messages were claimed
	 */
	int sendDue(JavaMailSender sender) {
		List<Claimed> claimed = claim();
		for (int i = 0; i < claimed.size(); i++) {
			if (stopping) {
				handBack(claimed.subList(i, claimed.size()));
				break;
			}
			deliver(sender, claimed.get(i));
		}
		return claimed.size();
	}

	/** One statement, committed on its own: the claim is seen by every other instance. */
	private List<Claimed> claim() {
		return jdbc.sql("""
				UPDATE outbox_message m
				SET status = 'SENDING', attempts = m.attempts + 1,
					first_attempt_at = coalesce(m.first_attempt_at, now()),
					lease_until = now() + make_interval(secs => :lease)
				FROM (SELECT id FROM outbox_message
					WHERE (status = 'PENDING' AND next_attempt_at <= now())
						OR (status = 'SENDING' AND lease_until < now())
					ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED) due
				WHERE m.id = due.id
				RETURNING m.id, m.recipient, m.subject, m.body, m.attachment_name, m.attachment, m.attempts,
					m.first_attempt_at""")
			.param("lease", settings.lease().toMillis() / 1000.0)
			.param("batch", settings.batch())
			.query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBytes(6), rs.getInt(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	private void deliver(JavaMailSender sender, Claimed mail) {
		try {
			sender.send(mime(sender, mail));
		}
		catch (MessagingException | MailException ex) {
			failed(mail, ex);
			return;
		}
		// The attempt number fences the update: a claim that ran out and was taken over
		// is the new holder's to finish.
		jdbc.sql("UPDATE outbox_message SET status = 'SENT', sent_at = now(), lease_until = NULL, last_error = NULL"
				+ " WHERE id = ? AND status = 'SENDING' AND attempts = ?")
			.params(mail.id(), mail.attempt())
			.update();
	}

	private void failed(Claimed mail, Exception ex) {
		String reason = String.valueOf(ex.getMessage());
		boolean givesUp = backoff.givesUp(Duration.between(mail.firstAttemptAt(), Instant.now()));
		Duration wait = backoff.after(mail.attempt());
		log.warn("Mail {} to {} was not sent (attempt {}){}: {}", mail.id(), mail.recipient(), mail.attempt(),
				givesUp ? ", given up" : ", tried again in " + wait, reason);
		jdbc.sql("UPDATE outbox_message SET status = ?, last_error = left(?, 500), lease_until = NULL,"
				+ " next_attempt_at = now() + make_interval(secs => ?) WHERE id = ? AND status = 'SENDING'"
				+ " AND attempts = ?")
			.params(givesUp ? "FAILED" : "PENDING", reason, wait.toMillis() / 1000.0, mail.id(), mail.attempt())
			.update();
	}

	/** Claimed but not tried, as the application stops: waiting again, as it was. */
	private void handBack(List<Claimed> mails) {
		for (Claimed mail : mails) {
			jdbc.sql("UPDATE outbox_message SET status = 'PENDING', attempts = attempts - 1, lease_until = NULL"
					+ " WHERE id = ? AND status = 'SENDING' AND attempts = ?")
				.params(mail.id(), mail.attempt())
				.update();
		}
	}

	private static MimeMessage mime(JavaMailSender sender, Claimed mail) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() != null, "UTF-8");
		helper.setTo(mail.recipient().split("\\s*;\\s*"));
		helper.setSubject(mail.subject());
		helper.setText(mail.body());
		if (mail.attachment() != null && mail.attachmentName() != null) {
			helper.addAttachment(mail.attachmentName(), new ByteArrayResource(mail.attachment()));
		}
		// The same message always has the same id: should a message go out twice (the
		// instance died between the server's yes and marking it SENT), mail programs
		// show it once.
		message.setHeader("Message-ID",
				"<outbox-" + mail.id() + "." + mail.firstAttemptAt().toEpochMilli() + "@contactsync>");
		return message;
	}

	/** A graceful stop: the message in hand is finished, the rest handed back. */
	@PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		sweep.shutdownNow();
		worker.shutdown();
		if (!worker.awaitTermination(settings.lease().toSeconds(), TimeUnit.SECONDS)) {
			worker.shutdownNow();
		}
	}

	/** A message this instance holds the lease of, at its {@code attempt}. */
	private record Claimed(long id, String recipient, String subject, String body, @Nullable String attachmentName,
			byte @Nullable [] attachment, int attempt, Instant firstAttemptAt) {
	}

}
