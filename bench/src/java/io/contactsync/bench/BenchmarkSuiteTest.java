package io.contactsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark suite of docs/targets.md, P1 to P7, E1 (export) and M1 (merging contacts,
 * and what the data checks cost P1's job), each beside a baseline measured by the same
 * program against the same server in the same run. {@code ./mvnw verify} runs it small,
 * so that it cannot rot; {@code ./mvnw -Pbench verify} runs the sizes of docs/targets.md (see
 * bench/README.md). It prints a table; it asserts what must hold whatever the machine
 * (numbers without gaps, the search on an index), never a time. At full size it fails when a
 * ratio misses its target of docs/targets.md, naming the lines: the ratios are taken in one
 * run against baselines on the same machine, so they hold on a busy machine too; at the small
 * size of every build they are too short to hold anything and are only printed.
 */
class BenchmarkSuiteTest {

	static final Size SIZE = Size.of(System.getProperty("bench.size", "small"));

	@Test
	void suite(@TempDir Path dir) throws Exception {
		List<Figure> figures = new ArrayList<>();
		System.out.printf("Benchmark suite, %s sizes, %d processors, %d MiB heap at most%n", SIZE.name(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		if (runs("P4")) {
			figures.add(StartBench.run(dir.resolve("start"), SIZE));
		}
		if (runs("P1") || runs("P2") || runs("P5") || runs("P7") || runs("P6") || runs("M1")) {
			try (Service service = Service.start(dir.resolve("data"))) {
				// P6's baseline: P1's figure when P1 runs; otherwise P6 measures P1 itself.
				Figure p1 = null;
				// Each measurement after the first starts on the database as it stands day to
				// day, not while autovacuum goes through what the one before wrote, on the
				// same two cores: an autovacuum worker busy through P2's first PATCHes after
				// P1 took a third off them.
				if (runs("P1")) {
					List<Figure> job = JobBench.run(service, SIZE);
					figures.addAll(job);
					p1 = job.get(0);
					service.settle();
				}
				if (runs("P2")) {
					figures.addAll(PatchBench.run(service, SIZE));
					service.settle();
				}
				if (runs("P5")) {
					figures.addAll(CreateBench.run(service, SIZE));
					service.settle();
				}
				if (runs("P7")) {
					figures.addAll(WebhookBench.run(service, SIZE));
					service.settle();
				}
				if (runs("M1")) {
					figures.add(MergeBench.run(service, SIZE));
					figures.add(CheckCostBench.run(service, SIZE));
					service.settle();
				}
				if (runs("P6")) {
					figures.addAll(ImportBench.run(service, SIZE, p1));
				}
			}
		}
		if (runs("E1")) {
			// A server of its own, so that the export holds exactly its N contacts and the demo's.
			try (Service service = Service.start(dir.resolve("export"))) {
				figures.add(ExportBench.run(service, SIZE));
			}
		}
		if (runs("P3")) {
			try (Service service = Service.start(dir.resolve("growth"))) {
				figures.addAll(GrowthBench.run(service, SIZE));
			}
		}
		System.out.println();
		System.out.println(Figure.table(figures));
		assertThat(figures).allSatisfy(figure -> assertThat(figure.figure()).as(figure.id()).isPositive());
		if (SIZE.name().equals("full")) {
			assertThat(Figure.misses(figures)).as("targets of docs/targets.md missed").isEmpty();
		}
	}

	/**
	 * Whether a benchmark is to run: all of them, or those named in {@code bench.only}
	 * (e.g. {@code -Dbench.only=P1,P3}) when working on one.
	 */
	private static boolean runs(String id) {
		String only = System.getProperty("bench.only", "");
		return only.isBlank() || List.of(only.split(",")).contains(id);
	}

	/**
	 * How big the suite runs: small in every build, full from the documented command.
	 * @param jitSettling how long P2's and P7a's loads may run before their turns while the
	 * JIT still compiles ({@link JitWarmUp}); none at the small size, one warm-up cycle
	 */
	record Size(String name, int jobRecords, int patchSeconds, int smallRows, int largeRows, int samples,
			int createdRecords, int mergeRows, Duration jitSettling) {

		static Size of(String name) {
			return switch (name) {
				case "full" -> new Size(name, 100_000, 15, 10_000, 1_000_000, 300, 10_000, 1_000,
						Duration.ofMinutes(5));
				case "small" -> new Size(name, 2_000, 2, 1_000, 5_000, 40, 400, 50, Duration.ZERO);
				default -> throw new IllegalArgumentException("bench.size is small or full, not " + name);
			};
		}

	}

}
