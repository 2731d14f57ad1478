package io.contactsync.interaction;

import java.time.Instant;
import java.util.List;

import io.contactsync.platform.Actor;
import io.contactsync.platform.AfterCommit;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail to contacts goes into the outbox, in the transaction of what it belongs to (the
 * interaction it is logged as), and leaves after that transaction committed: sent by
 * {@link MailDelivery} when an SMTP server is configured ({@code spring.mail.host}), kept
 * waiting in the outbox until one is. A rolled back action sends nothing, and an SMTP
 * server that is away fails no action: its mail is tried again later.
 */
@Service
public class MailOut {

	private final ObjectProvider<JavaMailSender> smtp;

	private final JdbcClient jdbc;

	private final MailDelivery delivery;

	MailOut(ObjectProvider<JavaMailSender> smtp, JdbcClient jdbc, MailDelivery delivery) {
		this.smtp = smtp;
		this.jdbc = jdbc;
		this.delivery = delivery;
	}

	/**
	 * A message in the outbox: PENDING (waits for its time, or for an SMTP server),
	 * SENDING, SENT, or FAILED (given up; {@code lastError} says why).
	 */
	@Schema(name = "OutboxMessage")
	public record Message(long id, String createdAt, String createdBy, String recipient, String subject, String body,
			@Nullable String attachmentName, String status, int attempts, @Nullable String lastError,
			@Nullable String nextAttemptAt, @Nullable String sentAt) {
	}

	/**
	 * Puts a message, with an optional attachment, into the outbox; it leaves once the
	 * transaction in hand committed.
	 */
	@Transactional
	public void send(String to, String subject, String body, @Nullable String attachmentName,
			byte @Nullable [] attachment) {
		jdbc.sql("INSERT INTO outbox_message (created_by, recipient, subject, body, attachment_name, attachment)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(Actor.current().user(), to, subject, body, attachmentName, attachment)
			.update();
		AfterCommit.run(delivery::wake);
	}

	/**
	 * Whether mail leaves at all: without an SMTP server it waits in the outbox, and the
	 * user is told so instead of "sent".
	 */
	public boolean sendsMail() {
		return smtp.getIfAvailable() != null;
	}

	/** The messages in the outbox, newest first. */
	@Transactional(readOnly = true)
	public List<Message> messages(int limit) {
		return jdbc
			.sql("SELECT id, created_at, created_by, recipient, subject, body, attachment_name, status, attempts,"
					+ " last_error, CASE WHEN status = 'PENDING' THEN next_attempt_at END, sent_at"
					+ " FROM outbox_message ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getTimestamp(2).toInstant().toString(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
					rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12))))
			.list();
	}

	private static @Nullable String instant(java.sql.@Nullable Timestamp at) {
		return at == null ? null : Instant.ofEpochMilli(at.getTime()).toString();
	}

}
