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

		private final String series;

		private final String endingNo;

		public NumberSeriesExhausted(String series, String endingNo) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "NUMBER_SERIES_EXHAUSTED",
					"Number series " + series + " has used every number up to its ending number " + endingNo
							+ "; raise the ending number or set up another series.");
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

		public ManualNosNotAllowed(String series, String whatIsNumbered, String no) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "MANUAL_NOS_NOT_ALLOWED",
					capitalized(whatIsNumbered) + " number " + no + " was given by hand, but number series " + series
							+ " does not allow numbers given by hand; leave 'no' out or empty to take the next number"
							+ " of the series, or allow manual numbers on number series " + series + ".");
			this.series = series;
			this.no = no;
		}

		@Override
		public Object[] messageArguments() {
			return new Object[] { no, series };
		}

		private static String capitalized(String text) {
			return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
		}

	}

}
