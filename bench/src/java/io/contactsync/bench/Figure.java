package io.contactsync.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the benchmark table: what was measured, its figure, the baseline measured
 * beside it in the same run, and the target of docs/targets.md it is held to.
 */
record Figure(String id, String what, double figure, double baseline, String unit, Goal goal, String note) {

	/** A line printed with its target, but held to none (a guide, or a figure shown beside). */
	Figure(String id, String what, double figure, double baseline, String unit, String target, String note) {
		this(id, what, figure, baseline, unit, Goal.shown(target), note);
	}

	double ratio() {
		return baseline > 0 ? figure / baseline : Double.NaN;
	}

	/**
	 * What docs/targets.md asks of a figure's ratio to its baseline. A guide (an absolute
	 * figure, which depends on the machine) is printed and never held: {@code min} and
	 * {@code max} are then open.
	 */
	record Goal(String text, double min, double max) {

		static Goal atLeast(double ratio, String text) {
			return new Goal(text, ratio, Double.POSITIVE_INFINITY);
		}

		static Goal atMost(double ratio, String text) {
			return new Goal(text, Double.NEGATIVE_INFINITY, ratio);
		}

		static Goal shown(String text) {
			return new Goal(text, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
		}

		boolean held() {
			return min > Double.NEGATIVE_INFINITY || max < Double.POSITIVE_INFINITY;
		}

		/** Whether a held goal is missed by this ratio; a guide is never missed. */
		boolean missedBy(double ratio) {
			return held() && !(ratio >= min && ratio <= max);
		}

	}

	/** Whether the ratio is outside its goal; a guide is never missed. */
	boolean missed() {
		return goal.missedBy(ratio());
	}

	/**
	 * The ratio to two places, or to three where two would put it on the other side of its
	 * target: 0.8493 against "at least 0.85" reads 0.849, not a missed 0.85.
	 */
	String ratioText() {
		boolean twoPlacesMiss = goal.missedBy(Math.round(ratio() * 100) / 100.0);
		return String.format(twoPlacesMiss == missed() ? "%.2f" : "%.3f", ratio());
	}

	/** The lines that missed their target, each saying by how much. */
	static List<String> misses(Iterable<Figure> figures) {
		List<String> misses = new ArrayList<>();
		for (Figure f : figures) {
			if (f.missed()) {
				misses.add(String.format("%s %s: ratio %s (%s against %s), target %s", f.id(), f.what(), f.ratioText(),
						amount(f.figure(), f.unit()), amount(f.baseline(), f.unit()), f.goal().text()));
			}
		}
		return misses;
	}

	static String table(Iterable<Figure> figures) {
		StringBuilder out = new StringBuilder();
		String format = "| %-4s | %-72s | %14s | %14s | %7s | %-40s |%n";
		out.append(String.format(format, "id", "what", "figure", "baseline", "ratio", "target"));
		out.append(String.format(format, "----", "-".repeat(72), "-".repeat(14), "-".repeat(14), "-".repeat(7),
				"-".repeat(40)));
		for (Figure f : figures) {
			out.append(String.format(format, f.id(), f.what(), amount(f.figure(), f.unit()),
					f.baseline() > 0 ? amount(f.baseline(), f.unit()) : "-",
					f.baseline() > 0 ? f.ratioText() : "-",
					f.goal().text() + (f.missed() ? " MISSED" : "")));
		}
		for (Figure f : figures) {
			if (!f.note().isEmpty()) {
				out.append(f.id()).append(": ").append(f.note()).append(System.lineSeparator());
			}
		}
		return out.toString();
	}

	private static String amount(double value, String unit) {
		return (value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value)) + " " + unit;
	}

}
