package io.contactsync.integration;

import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** Stand-in until the change feed lands on main. */
public class CursorExpired extends ProblemException {

	public CursorExpired(long after) {
		super(HttpStatus.GONE, "CURSOR_EXPIRED", "Position " + after + " lies before the retention of the feed.");
	}

}
