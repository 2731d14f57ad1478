package io.contactsync.bench;

/**
 * One line of the benchmark table: what was measured, its figure, the baseline measured
 * beside it in the same run, and the target of docs/targets.md.
 */
record Figure(String id, String what, double figure, double baseline, String unit, String target, String note) {

	double ratio() {
		return baseline > 0 ? figure / baseline : Double.NaN;
	}

	static String table(Iterable<Figure> figures) {
		StringBuilder out = new StringBuilder();
		String format = "| %-3s | %-58s | %14s | %14s | %7s | %-34s |%n";
		out.append(String.format(format, "id", "what", "figure", "baseline", "ratio", "target"));
		out.append(String.format(format, "---", "-".repeat(58), "-".repeat(14), "-".repeat(14), "-".repeat(7),
				"-".repeat(34)));
		for (Figure f : figures) {
			out.append(String.format(format, f.id(), f.what(), amount(f.figure(), f.unit()),
					f.baseline() > 0 ? amount(f.baseline(), f.unit()) : "-",
					f.baseline() > 0 ? String.format("%.2f", f.ratio()) : "-", f.target()));
		}
		for (Figure f : figures) {
			if (!f.note().isEmpty()) {
				out.append(f.id()).append(": ").append(f.note()).append(System.lineSeparator());
			}
		}
		return out.toString();
	}

	private static String amount(double value, String unit) {
		return (value >= 100 ? String.format("%.0f", value) : String.format("%.2f", value)) + " " + unit;
	}

}
