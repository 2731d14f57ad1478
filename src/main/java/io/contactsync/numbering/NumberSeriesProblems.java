package io.contactsync.numbering;

import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** What can go wrong when a record takes its number. */
public final class NumberSeriesProblems {

	private NumberSeriesProblems() {
	}

	/** No number given, and no series set up to take one from. */
	public static final class NumberSeriesMissing extends ProblemException {

		public NumberSeriesMissing(String whatIsNumbered, String setupField) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "NUMBER_SERIES_MISSING", "No number series is set up for "
					+ whatIsNumbered + "; set " + setupField + " in setup, or give the number yourself.");
		}

	}

	public static final class NumberSeriesExhausted extends ProblemException {

		public NumberSeriesExhausted(String series, String endingNo) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "NUMBER_SERIES_EXHAUSTED",
					"Number series " + series + " has used every number up to its ending number " + endingNo
							+ "; raise the ending number or set up another series.");
		}

	}

	public static final class ManualNosNotAllowed extends ProblemException {

		public ManualNosNotAllowed(String series) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "MANUAL_NOS_NOT_ALLOWED", "Number series " + series
					+ " does not allow numbers given by hand; leave 'no' out, or allow manual numbers on the series.");
		}

	}

}
