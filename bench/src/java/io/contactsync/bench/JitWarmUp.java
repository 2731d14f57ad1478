package io.contactsync.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Runs a load until the JIT compilers of this JVM (which hosts the service and the load
 * generator) go quiet, so that a rate is measured on compiled code, as a server that has
 * run for a while serves it.
 *
 * <p>
 * Why: on the 2-core machine the compilers spent about one core for three minutes of P2's
 * load after the service started (their compilation time grew by 4-6 s in every 5 s turn;
 * then by 0.1-1.3 s), while the turns were measured after a 5 s warm-up. The floor, whose
 * requests are cheap, gained most from the core given back: 750-1,200 GETs a second while
 * the JIT worked, about 1,500 once it was done.
 */
final class JitWarmUp {

	/** A cycle is warm when the compilers spent at most this share of its time. */
	private static final double QUIET = 0.10;

	private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

	private JitWarmUp() {
	}

	/** The compilers' time in this JVM so far, in ms; -1 where the JVM does not say. */
	static long compilationMillis() {
		return COMPILER != null && COMPILER.isCompilationTimeMonitoringSupported() ? COMPILER.getTotalCompilationTime()
				: -1;
	}

	/**
	 * Runs {@code cycle} once, and again until one run kept the compilers busy for at most
	 * a tenth of its time, or until {@code atMost} has passed.
	 * @return what the warm-up took, for the figure's note
	 */
	static String run(Cycle cycle, Duration atMost) throws Exception {
		long start = System.nanoTime();
		int cycles = 0;
		double share;
		do {
			long compiled = compilationMillis();
			long from = System.nanoTime();
			cycle.run();
			cycles++;
			double millis = (System.nanoTime() - from) / 1e6;
			share = compiled < 0 ? 0 : (compilationMillis() - compiled) / millis;
		}
		while (share > QUIET && System.nanoTime() - start < atMost.toNanos());
		return String.format("warm-up %.0f s in %d cycle(s), the JIT compiling %.0f %% of the last one's time%s",
				(System.nanoTime() - start) / 1e9, cycles, 100 * share,
				share > QUIET ? " (cut off at " + atMost.toSeconds() + " s: still compiling)" : "");
	}

	/** One round of the loads being warmed. */
	@FunctionalInterface
	interface Cycle {

		void run() throws Exception;

	}

	/** What the compilers spent while {@code from} (a {@link #compilationMillis()}) ran on. */
	static String since(long from, double seconds) {
		return from < 0 ? "" : String.format("; the JIT compiled %.1f s during the %.0f s measured",
				(compilationMillis() - from) / 1e3, seconds);
	}

}
