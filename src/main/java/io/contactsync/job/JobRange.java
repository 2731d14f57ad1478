package io.contactsync.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The records a job covers: its number range, after the last record done. */
final class JobRange {

	private JobRange() {
	}

	static String where(@Nullable String from, @Nullable String to, @Nullable String after) {
		List<String> where = new ArrayList<>();
		if (from != null) {
			where.add("no >= :from");
		}
		if (to != null) {
			where.add("no <= :to");
		}
		if (after != null) {
			where.add("no > :after");
		}
		return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
	}

	static Map<String, Object> params(@Nullable String from, @Nullable String to, @Nullable String after) {
		Map<String, Object> params = new HashMap<>();
		if (from != null) {
			params.put("from", from);
		}
		if (to != null) {
			params.put("to", to);
		}
		if (after != null) {
			params.put("after", after);
		}
		return params;
	}

}
