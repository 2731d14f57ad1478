package io.contactsync.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.contactsync.audit.ChangeLog.Entry;

/**
 * The change log as a page shows it: newest first, and each change together with the
 * changes the sync carried from it, the cause first and what it caused below it, so that
 * a reader sees {@code phone on contact KT000010, then on customer K00010} in one place.
 */
final class ChangeLogLines {

	/** An entry, and whether the sync carried it from an entry shown above it. */
	record Line(Entry entry, boolean caused, boolean firstOfGroup) {
	}

	private ChangeLogLines() {
	}

	/**
	 * @param newestFirst a page of the change log, newest first
	 * @return the same entries, grouped by the change that started them, the groups
	 * newest first
	 */
	static List<Line> of(List<Entry> newestFirst) {
		// The fields of one change are logged one after the other, by the same user, with
		// the same cause: they are one change.
		List<List<Entry>> changes = new ArrayList<>();
		Map<Long, Integer> changeOf = new HashMap<>();
		Entry previous = null;
		for (Entry entry : newestFirst) {
			if (previous == null || !sameChange(previous, entry)) {
				changes.add(new ArrayList<>());
			}
			changes.get(changes.size() - 1).add(entry);
			changeOf.put(entry.id(), changes.size() - 1);
			previous = entry;
		}
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		for (int change = 0; change < changes.size(); change++) {
			groups.computeIfAbsent(root(change, changes, changeOf), root -> new ArrayList<>()).add(change);
		}
		List<Line> lines = new ArrayList<>(newestFirst.size());
		groups.forEach((root, members) -> {
			// The cause first, then what it caused, each change's fields in the order
			// they were made.
			List<Entry> rootEntries = new ArrayList<>(changes.get(root));
			rootEntries.sort(Comparator.comparingLong(Entry::id));
			boolean first = true;
			for (Entry entry : rootEntries) {
				lines.add(new Line(entry, false, first));
				first = false;
			}
			List<Integer> caused = new ArrayList<>(members);
			caused.remove(root);
			// Changes are numbered newest first: the oldest of them was carried first.
			caused.sort(Comparator.reverseOrder());
			for (int member : caused) {
				List<Entry> fields = new ArrayList<>(changes.get(member));
				fields.sort(Comparator.comparingLong(Entry::id));
				for (Entry entry : fields) {
					lines.add(new Line(entry, true, first));
					first = false;
				}
			}
		});
		return lines;
	}

	/** The change a change was carried from, as far back as this page shows it. */
	private static int root(int change, List<List<Entry>> changes, Map<Long, Integer> changeOf) {
		int current = change;
		for (int hops = 0; hops < changes.size(); hops++) {
			Long cause = changes.get(current).get(0).causedBy();
			Integer causing = cause == null ? null : changeOf.get(cause);
			if (causing == null || causing == current) {
				return current;
			}
			current = causing;
		}
		return current;
	}

	private static boolean sameChange(Entry a, Entry b) {
		return a.recordType().equals(b.recordType()) && a.no().equals(b.no()) && a.user().equals(b.user())
				&& a.origin().equals(b.origin()) && Objects.equals(a.causedBy(), b.causedBy());
	}

}
