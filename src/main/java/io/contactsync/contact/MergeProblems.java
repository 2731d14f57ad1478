package io.contactsync.contact;

import java.util.List;
import java.util.Map;

import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** The refusals of merging contacts (docs/merge.md), with their codes. */
public final class MergeProblems {

	private MergeProblems() {
	}

	/**
	 * A merge that would break a rule, or that another merge got to first: 409, nothing
	 * written. {@code conflicts} names the links in the way.
	 */
	public static final class MergeConflict extends ProblemException {

		private final List<MergeLedger.Conflict> conflicts;

		public MergeConflict(Message detail, List<MergeLedger.Conflict> conflicts) {
			super(HttpStatus.CONFLICT, "MERGE_CONFLICT", detail);
			this.conflicts = List.copyOf(conflicts);
		}

		@Override
		public Map<String, Object> properties() {
			return conflicts.isEmpty() ? Map.of() : Map.of("conflicts", conflicts);
		}

	}

	/**
	 * A contact that was merged into another: 404, naming the survivor in
	 * {@code mergedInto}, so that a client can follow it (docs/merge.md, "Merged
	 * numbers").
	 */
	public static final class Merged extends ProblemException {

		private final String mergedInto;

		public Merged(String no, String mergedInto) {
			super(HttpStatus.NOT_FOUND, "MERGED", Message.of("detail.merged", no, mergedInto));
			this.mergedInto = mergedInto;
		}

		public String mergedInto() {
			return mergedInto;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("mergedInto", mergedInto);
		}

	}

}
