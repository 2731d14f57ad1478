package io.contactsync.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The suite's HTTP load generator: a fixed number of clients, each on its own connection
 * over the loopback, sending requests back to back for a bounded time after a warm-up.
 * Only answers in the 2xx range count as done; anything else is counted as an error.
 */
final class Load {

	private Load() {
	}

	/**
	 * @param sortedNanos every counted request's time, in order, so that runs taking turns
	 * can be summed into one result
	 */
	record Result(long done, long errors, double seconds, double perSecond, double p50Millis, double p99Millis,
			long[] sortedNanos) {

		/** The runs as if they were one: their requests and seconds summed. */
		static Result of(List<Result> runs) {
			long done = runs.stream().mapToLong(Result::done).sum();
			long errors = runs.stream().mapToLong(Result::errors).sum();
			double seconds = runs.stream().mapToDouble(Result::seconds).sum();
			long[] sorted = runs.stream().flatMapToLong(run -> Arrays.stream(run.sortedNanos())).sorted().toArray();
			return new Result(done, errors, seconds, done / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
					sorted);
		}

		@Override
		public String toString() {
			return String.format("%.0f req/s (%d in %.1f s, %d errors), p50 %.2f ms, p99 %.2f ms", perSecond, done,
					seconds, errors, p50Millis, p99Millis);
		}

	}

	/**
	 * @param request the next request of a client: (client index, request index) to
	 * request
	 */
	static Result run(int clients, Duration warmUp, Duration measured,
			BiFunction<Integer, Long, HttpRequest> request) throws InterruptedException {
		AtomicLong errors = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		long[] counts = new long[clients];
		long start = System.nanoTime();
		long measureFrom = start + warmUp.toNanos();
		long end = measureFrom + measured.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			long[] own = new long[500_000];
			latencies.add(own);
			Thread thread = new Thread(() -> {
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				long i = 0;
				while (true) {
					long before = System.nanoTime();
					if (before >= end) {
						break;
					}
					try {
						HttpResponse<Void> response = http.send(request.apply(client, i++),
								HttpResponse.BodyHandlers.discarding());
						long after = System.nanoTime();
						if (before >= measureFrom && after <= end) {
							if (response.statusCode() / 100 == 2) {
								if (counts[client] < own.length) {
									own[(int) counts[client]] = after - before;
								}
								counts[client]++;
							}
							else {
								errors.incrementAndGet();
							}
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
				}
			}, "load-" + c);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long total = Arrays.stream(counts).sum();
		long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE)];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			int n = (int) Math.min(counts[c], latencies.get(c).length);
			System.arraycopy(latencies.get(c), 0, all, at, n);
			at += n;
		}
		long[] sorted = Arrays.copyOf(all, at);
		Arrays.sort(sorted);
		double seconds = measured.toNanos() / 1e9;
		return new Result(total, errors.get(), seconds, total / seconds, percentile(sorted, 0.50),
				percentile(sorted, 0.99), sorted);
	}

	static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1e6;
	}

	/** Requests sent before {@link #median} starts timing, the first of a round being slower. */
	static final int UNTIMED = 20;

	/** The median of single requests, one after another, in milliseconds. */
	static double median(int samples, Request request) throws Exception {
		long[] times = new long[samples];
		for (int i = 0; i < samples + UNTIMED; i++) {
			long before = System.nanoTime();
			request.send(i);
			long took = System.nanoTime() - before;
			if (i >= UNTIMED) {
				times[i - UNTIMED] = took;
			}
		}
		Arrays.sort(times);
		return percentile(times, 0.5);
	}

	interface Request {

		void send(int i) throws Exception;

	}

}
