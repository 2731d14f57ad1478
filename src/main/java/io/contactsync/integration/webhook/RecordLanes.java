package io.contactsync.integration.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactsync.integration.FeedEvent;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Sends a batch of one endpoint's events in lanes, one lane per record: a record's events
 * one after the other, each only once the one before was taken, and different records
 * side by side, at most {@code contactsync.webhooks.lanes} at a time. Order per record is
 * what the change feed promises (commit order per record); sending one event at a time
 * for the whole endpoint would cap a receiver at one round trip per event. A lane stops
 * at its record's first failure, and when the batch's time is up.
 */
@Component
class RecordLanes {

	private final WebhookSender sender;

	private final WebhookMetrics metrics;

	private final int lanes;

	private final ExecutorService pool;

	RecordLanes(WebhookSender sender, WebhookMetrics metrics, WebhookSettings settings) {
		this.sender = sender;
		this.metrics = metrics;
		this.lanes = settings.lanes();
		AtomicInteger count = new AtomicInteger();
		// every worker may fill its lanes at once
		this.pool = Executors.newFixedThreadPool(settings.workers() * lanes, runnable -> {
			Thread thread = new Thread(runnable, "contactsync-webhook-lane-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@PreDestroy
	void stop() {
		pool.shutdownNow();
	}

	/**
	 * What came of a batch.
	 *
	 * @param outcomes by position, for the events attempted; an event missing was not
	 * sent (a record's earlier event failed, or the time was up)
	 * @param stopping the service is stopping: sending was cut short, and that is no
	 * failure of the receiver
	 */
	record Sent(Map<Long, WebhookSender.Outcome> outcomes, boolean stopping) {
	}

	/** Sends the batch, giving up starting new events after the deadline (nano time). */
	Sent send(long endpointId, String url, String secret, List<FeedEvent> batch, long deadline) {
		Map<String, List<FeedEvent>> byRecord = new LinkedHashMap<>();
		for (FeedEvent event : batch) {
			byRecord.computeIfAbsent(event.recordType() + "/" + event.no(), k -> new ArrayList<>()).add(event);
		}
		Map<Long, WebhookSender.Outcome> outcomes = new ConcurrentHashMap<>();
		AtomicBoolean stopping = new AtomicBoolean();
		List<List<FeedEvent>> queue = new ArrayList<>(byRecord.values());
		AtomicInteger next = new AtomicInteger();
		int width = Math.min(lanes, queue.size());
		CountDownLatch done = new CountDownLatch(width);
		List<Future<?>> running = new ArrayList<>();
		for (int lane = 0; lane < width; lane++) {
			running.add(pool.submit(() -> {
				try {
					// each lane takes the next record's events until none is left
					for (int i = next.getAndIncrement(); i < queue.size()
							&& !stopping.get(); i = next.getAndIncrement()) {
						sendInTurn(endpointId, url, secret, queue.get(i), deadline, outcomes, stopping);
					}
				}
				finally {
					done.countDown();
				}
			}));
		}
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			// The service stops: the lanes are interrupted, and what they delivered
			// before is committed by the caller.
			stopping.set(true);
			running.forEach(lane -> lane.cancel(true));
			// (a lane waiting on its receiver does not see the interrupt)
			sender.cutOffAll();
			awaitUninterruptibly(done);
			Thread.currentThread().interrupt();
		}
		return new Sent(outcomes, stopping.get());
	}

	private void sendInTurn(long endpointId, String url, String secret, List<FeedEvent> events, long deadline,
			Map<Long, WebhookSender.Outcome> outcomes, AtomicBoolean stopping) {
		for (FeedEvent event : events) {
			if (System.nanoTime() > deadline || stopping.get()) {
				return;
			}
			WebhookSender.Outcome outcome = sender.send(url, secret, event);
			if (!outcome.delivered() && Thread.currentThread().isInterrupted()) {
				stopping.set(true);
				return;
			}
			metrics.attempted(endpointId, outcome);
			outcomes.put(event.position(), outcome);
			if (!outcome.delivered()) {
				return;
			}
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		boolean ended = false;
		while (!ended) {
			try {
				// a lane that was interrupted ends its send at once
				latch.await();
				ended = true;
			}
			catch (InterruptedException again) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
