package io.contactsync.platform;

import java.util.regex.Pattern;

/** Formats that contact details must have wherever they are kept. */
public final class Formats {

	private Formats() {
	}

	/** One or more e-mail addresses separated by ';' (or empty). */
	public static final Pattern EMAILS = Pattern.compile(
			"^$|^\\s*[^@\\s;]+@[^@\\s;.]+(\\.[^@\\s;.]+)+\\s*(;\\s*[^@\\s;]+@[^@\\s;.]+(\\.[^@\\s;.]+)+\\s*)*;?\\s*$");

	/** The code of the message that says what {@link #EMAILS} wants. */
	public static final String EMAILS_HINT = "invalid.emails";

	/** A phone or fax number: digits and the usual separators, no letters. */
	public static final Pattern PHONE = Pattern.compile("^[0-9+()./\\- ]*$");

	/** The code of the message that says what {@link #PHONE} wants. */
	public static final String PHONE_HINT = "invalid.phone";

}
