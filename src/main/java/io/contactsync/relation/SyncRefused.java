package io.contactsync.relation;

import java.util.List;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A change that the sync would carry to a linked record is not valid there: the whole
 * change is refused, and the problem names both records.
 */
class SyncRefused extends ProblemException {

	SyncRefused(Message from, Message to, Message reason, List<FieldError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED", Message.of("detail.sync", from, to, reason),
				errors.stream().map(e -> new FieldError(e.field(), "detail.field", to, e.message())).toList());
	}

}
