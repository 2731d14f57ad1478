package io.contactsync.relation;

import java.util.List;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A change that the sync would carry to a linked record is not valid there: the whole
 * change is refused, and the problem names both records.
 */
class SyncRefused extends ProblemException {

	SyncRefused(String from, String to, String reason, List<FieldError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED",
				"The change to " + from + " cannot be carried to " + to + ": " + reason + ". Nothing was changed.",
				errors.stream().map(e -> new FieldError(e.field(), to + ": " + e.message())).toList());
	}

}
