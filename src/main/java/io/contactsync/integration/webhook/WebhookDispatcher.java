package io.contactsync.integration.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.integration.ChangeFeed;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One per instance: finds the endpoints that have something to deliver and hands each to
 * a worker. It wakes when the change feed has a new event, when an administrator replays
 * or enables an endpoint, when a retry is due, and at the poll interval (to take over the
 * endpoints of an instance that died). A worker delivers to one endpoint at a time, so a
 * slow receiver holds up only its own endpoint; none of this runs in a user's
 * transaction, and a write never waits for a receiver.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final Duration PRUNE_EVERY = Duration.ofHours(1);

	private final ChangeFeed feed;

	private final EndpointLeases leases;

	private final EndpointDelivery delivery;

	private final DeliveryLog deliveryLog;

	private final WebhookMetrics metrics;

	private final WebhookSettings settings;

	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	private final Semaphore wakeups = new Semaphore(0);

	private final ExecutorService workers;

	private final ExecutorService loops = Executors.newFixedThreadPool(2, daemon("contactsync-webhooks"));

	private volatile boolean stopping;

	WebhookDispatcher(ChangeFeed feed, EndpointLeases leases, EndpointDelivery delivery, DeliveryLog deliveryLog,
			WebhookMetrics metrics, WebhookSettings settings) {
		this.feed = feed;
		this.leases = leases;
		this.delivery = delivery;
		this.deliveryLog = deliveryLog;
		this.metrics = metrics;
		this.settings = settings;
		this.workers = Executors.newFixedThreadPool(settings.workers(), daemon("contactsync-webhook-worker"));
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		loops.execute(this::watchFeed);
		loops.execute(this::dispatch);
	}

	/** Looks for work now: an endpoint was replayed or enabled. */
	void wake() {
		wakeups.release();
	}

	@PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		loops.shutdownNow();
		workers.shutdownNow();
		workers.awaitTermination(settings.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
	}

	/** Wakes the dispatcher as soon as the feed has an event it has not seen. */
	private void watchFeed() {
		long seen = -1;
		while (!stopping) {
			try {
				if (seen < 0) {
					seen = feed.head();
				}
				if (feed.await(seen, settings.pollInterval())) {
					seen = feed.seenHead();
					wake();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.debug("Webhooks could not watch the change feed; trying again", ex);
				if (!pause(settings.pollInterval())) {
					return;
				}
			}
		}
	}

	private void dispatch() {
		long lastPrune = 0;
		long lastLag = 0;
		while (!stopping) {
			Duration wait = settings.pollInterval();
			try {
				dispatchDue();
				long now = System.nanoTime();
				if (now - lastLag > Duration.ofSeconds(1).toNanos()) {
					metrics.refreshLag();
					lastLag = now;
				}
				if (lastPrune == 0 || now - lastPrune > PRUNE_EVERY.toNanos()) {
					int pruned = deliveryLog.prune(settings.logRetention());
					log.debug("Pruned {} webhook delivery attempts older than {}", pruned, settings.logRetention());
					lastPrune = now;
				}
				wait = leases.untilNextRetry(settings.pollInterval());
			}
			catch (RuntimeException ex) {
				// The database may be away for a while; the next round tries again.
				log.warn("Webhooks wait for the database: {}", ex.getMessage());
			}
			try {
				if (wakeups.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
					// Changes commit one by one: gathered for a moment, their events go
					// in one round, where a round for each would cost its claim, commit
					// and release every time (P7a, docs/webhooks.md).
					Thread.sleep(settings.gather().toMillis());
					wakeups.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void dispatchDue() {
		int free = settings.workers() - running.size();
		if (free <= 0) {
			return;
		}
		List<Long> claimed = leases.claimDue(Set.copyOf(running), free, feed.head());
		for (long id : claimed) {
			running.add(id);
			workers.execute(() -> {
				boolean done = false;
				try {
					delivery.deliver(id);
					done = true;
				}
				catch (RuntimeException ex) {
					log.warn("Webhook endpoint {}: delivery stopped and is taken up again later: {}", id,
							ex.getMessage());
				}
				finally {
					try {
						leases.release(id);
					}
					catch (RuntimeException ex) {
						log.debug("Could not let go of webhook endpoint {}; its lease runs out", id, ex);
					}
					running.remove(id);
				}
				if (done) {
					// An endpoint that waited for a free worker goes on now; after a
					// failure the poll interval keeps a broken endpoint from spinning.
					wake();
				}
			});
		}
	}

	private boolean pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

}
