package io.contactsync.numbering;

import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** What can go wrong when a record takes its number. */
public final class NumberSeriesProblems {

	private NumberSeriesProblems() {
	}

	/** No number given, and no series set up to take one from. */
	public static final class NumberSeriesMissing extends ProblemException {

		/**
		 * @param whatIsNumbered the kind of record, by its name in the bundles
		 * @param setupField where the series is set up: {@code customerNos}
		 */
		public NumberSeriesMissing(Message whatIsNumbered, String setupField) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "NUMBER_SERIES_MISSING",
					Message.of("detail.numberSeriesMissing", whatIsNumbered, setupField));
		}

	}

	public static final class NumberSeriesExhausted extends ProblemException {

		private final String series;

		private final String endingNo;

		public NumberSeriesExhausted(String series, String endingNo) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "NUMBER_SERIES_EXHAUSTED",
					Message.of("detail.numberSeriesExhausted", series, endingNo));
			this.series = series;
			this.endingNo = endingNo;
		}

		@Override
		public Object[] messageArguments() {
			return new Object[] { series, endingNo };
		}

	}

	/**
	 * A number typed for a record whose series hands out every number itself. The way out
	 * is to leave the number empty, which takes the next one.
	 */
	public static final class ManualNosNotAllowed extends ProblemException {

		private final String series;

		private final String no;

		public ManualNosNotAllowed(String series, Message whatIsNumbered, String no) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "MANUAL_NOS_NOT_ALLOWED",
					Message.of("detail.manualNosNotAllowed", whatIsNumbered, no, series));
			this.series = series;
			this.no = no;
		}

		@Override
		public Object[] messageArguments() {
			return new Object[] { no, series };
		}

	}

}
