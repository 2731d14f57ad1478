package io.contactsync.platform;

import java.util.regex.Pattern;

/** Formats that contact details must have wherever they are kept. */
public final class Formats {

	private Formats() {
	}

	/** One or more e-mail addresses separated by ';' (or empty). */
	public static final Pattern EMAILS = Pattern.compile(
			"^$|^\\s*[^@\\s;]+@[^@\\s;.]+(\\.[^@\\s;.]+)+\\s*(;\\s*[^@\\s;]+@[^@\\s;.]+(\\.[^@\\s;.]+)+\\s*)*;?\\s*$");

	public static final String EMAILS_HINT = "must be e-mail addresses like post@firma.no, several separated by ';'";

	/** A phone or fax number: digits and the usual separators, no letters. */
	public static final Pattern PHONE = Pattern.compile("^[0-9+()./\\- ]*$");

	public static final String PHONE_HINT = "may hold digits, spaces and + ( ) - . / but no letters";

}
