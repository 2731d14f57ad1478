package io.contactsync.interaction;

import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.contactsync.support.DemoCompanyApiTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code spring.mail.host} set, mail goes out by SMTP (to GreenMail here). */
class SmtpMailTest extends DemoCompanyApiTest {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Test
	void anEmailToAContactGoesOutBySmtpAndIsLogged() throws Exception {
		JsonNode company = company("Smtp AS", "email", "innkjop@smtp-as.no");

		assertThat(admin()
			.post("/api/v1/contacts/" + no(company) + "/emails",
					Map.of("subject", "Tilbud på ventilasjon", "body", "Se vedlagt."))
			.status()).isEqualTo(202);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).isNotEmpty();
		assertThat(received[received.length - 1].getSubject()).isEqualTo("Tilbud på ventilasjon");
		assertThat(received[received.length - 1].getAllRecipients()[0].toString()).isEqualTo("innkjop@smtp-as.no");
		assertThat(admin().get("/api/v1/outbox").json().get("items").get(0).get("status").asString()).isEqualTo("SENT");
		assertThat(admin().get("/api/v1/contacts/" + no(company) + "/interactions").json().size()).isEqualTo(1);
	}

	@Test
	void aSentDocumentGoesOutBySmtpWithItsPdf() throws Exception {
		JsonNode customer = customer("Smtp Dokument AS", "email", "ordre@smtp-dok.no");
		JsonNode order = create("/api/v1/sales-orders", Map.of("sellToCustomerNo", no(customer)));
		int before = smtp.getReceivedMessages().length;

		assertThat(admin().post("/api/v1/sales-orders/" + no(order) + "/send", Map.of()).status()).isEqualTo(202);

		MimeMessage sent = smtp.getReceivedMessages()[before];
		assertThat(sent.getSubject()).isEqualTo("Ordrebekreftelse " + no(order));
		assertThat(((Multipart) sent.getContent()).getBodyPart(1).getFileName()).isEqualTo(no(order) + ".pdf");
	}

}
