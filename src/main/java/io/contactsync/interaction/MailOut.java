package io.contactsync.interaction;

import java.util.List;

import io.contactsync.platform.Actor;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends mail to contacts: by SMTP when {@code spring.mail.host} is set, else into the
 * outbox table, so that nothing is lost on the embedded default and a person can see what
 * would have gone out.
 */
@Service
public class MailOut {

	private static final Logger log = LoggerFactory.getLogger(MailOut.class);

	private final ObjectProvider<JavaMailSender> smtp;

	private final JdbcClient jdbc;

	MailOut(ObjectProvider<JavaMailSender> smtp, JdbcClient jdbc) {
		this.smtp = smtp;
		this.jdbc = jdbc;
	}

	/** A message that went out, or waits in the outbox. */
	@Schema(name = "OutboxMessage")
	public record Message(long id, String createdAt, String createdBy, String recipient, String subject, String body,
			@Nullable String attachmentName, String status) {
	}

	/**
	 * Sends a message, with an optional attachment; an SMTP failure is an error of the
	 * whole action, so that nothing is logged as sent that was not.
	 */
	@Transactional
	public void send(String to, String subject, String body, @Nullable String attachmentName,
			byte @Nullable [] attachment) {
		JavaMailSender sender = smtp.getIfAvailable();
		String status = "KEPT";
		if (sender != null) {
			try {
				MimeMessage message = sender.createMimeMessage();
				MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
				helper.setTo(to.split("\\s*;\\s*"));
				helper.setSubject(subject);
				helper.setText(body);
				if (attachment != null && attachmentName != null) {
					helper.addAttachment(attachmentName, new ByteArrayResource(attachment));
				}
				sender.send(message);
				status = "SENT";
			}
			catch (MessagingException | MailException ex) {
				log.warn("Could not send mail to {}: {}", to, ex.getMessage());
				throw new MailNotSent(ex.getMessage());
			}
		}
		jdbc.sql(
				"INSERT INTO outbox_message (created_by, recipient, subject, body, attachment_name, attachment, status)"
						+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(Actor.current().user(), to, subject, body, attachmentName, attachment, status)
			.update();
	}

	/** The messages kept or sent, newest first. */
	@Transactional(readOnly = true)
	public List<Message> messages(int limit) {
		return jdbc
			.sql("SELECT id, created_at, created_by, recipient, subject, body, attachment_name, status"
					+ " FROM outbox_message ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getTimestamp(2).toInstant().toString(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

}
