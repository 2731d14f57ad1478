package io.contactsync.integration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.contactsync.platform.Backoff;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes the change feed to Kafka, for users who outgrow webhooks: every committed
 * event, in commit order, to a topic per record type ({@link KafkaSettings#topic}) with
 * the record's number as key, so that the events of one record keep their order in one
 * partition. The event id is in the {@code id} header: a consumer that sees an id twice
 * (after a crash between sending and recording) drops it.
 *
 * One instance publishes at a time (the feed reader {@value #READER}'s lease); it records
 * its position only once Kafka acknowledged a whole stretch (acks=all, idempotent
 * producer), so nothing committed is skipped.
 */
@Component
@ConditionalOnProperty("contactsync.events.kafka.bootstrap-servers")
class KafkaRelay {

	private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

	static final String READER = "kafka";

	private static final int STRETCH = 500;

	private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30),
			Duration.ofDays(3650));

	private final ChangeFeed feed;

	private final FeedReaders readers;

	private final KafkaSettings settings;

	private final KafkaTemplate<String, String> kafka;

	private final DefaultKafkaProducerFactory<String, String> producers;

	private volatile boolean stopping;

	private final Thread worker = new Thread(this::run, "contactsync-kafka-relay");

	KafkaRelay(ChangeFeed feed, FeedReaders readers, KafkaSettings settings, MeterRegistry registry) {
		this.feed = feed;
		this.readers = readers;
		this.settings = settings;
		this.producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				settings.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.LINGER_MS_CONFIG, 5));
		this.kafka = new KafkaTemplate<>(producers);
		worker.setDaemon(true);
		Gauge.builder("contactsync.events.kafka.lag", () -> Math.max(0, feed.head() - readers.position(READER)))
			.description("Committed events not yet acknowledged by Kafka")
			.register(registry);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		worker.start();
	}

	@PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		worker.interrupt();
		worker.join(TimeUnit.SECONDS.toMillis(15));
		try {
			readers.release(READER);
		}
		catch (RuntimeException ex) {
			log.debug("Could not let go of the Kafka relay's lease", ex);
		}
		producers.destroy();
	}

	private void run() {
		int failures = 0;
		while (!stopping) {
			try {
				Optional<Long> position = readers.claim(READER, settings.lease());
				if (position.isEmpty()) {
					// Another instance publishes; look again before its lease could run
					// out.
					Thread.sleep(settings.lease().toMillis() / 3);
					continue;
				}
				ChangeFeed.Stretch stretch = feed.stretch(position.get(), STRETCH, FeedFilter.all());
				if (stretch.events().isEmpty()) {
					feed.await(stretch.next(), settings.lease().dividedBy(3));
				}
				else {
					publish(stretch.events());
				}
				readers.advance(READER, stretch.next());
				failures = 0;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | ExecutionException | TimeoutException ex) {
				failures++;
				Duration wait = BACKOFF.after(failures);
				log.warn("Could not publish changes to Kafka (attempt {}), trying again in {} ms: {}", failures,
						wait.toMillis(), ex.toString());
				try {
					Thread.sleep(wait.toMillis());
				}
				catch (InterruptedException stopped) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Sends a stretch in order and waits until Kafka has acknowledged all of it. */
	private void publish(List<FeedEvent> events) throws InterruptedException, ExecutionException, TimeoutException {
		List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>(events.size());
		for (FeedEvent event : events) {
			ProducerRecord<String, String> record = new ProducerRecord<>(settings.topic(event.recordType()), event.no(),
					event.json());
			record.headers().add("id", event.id().getBytes(StandardCharsets.UTF_8));
			record.headers().add("type", event.type().getBytes(StandardCharsets.UTF_8));
			sent.add(kafka.send(record));
		}
		kafka.flush();
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
	}

}
