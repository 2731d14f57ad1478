package io.contactsync.relation;

import java.util.List;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** What can stand in the way of a link. */
final class RelationProblems {

	private RelationProblems() {
	}

	static final class BusinessRelationCodeMissing extends ProblemException {

		BusinessRelationCodeMissing(Message type, String setupField) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "BUSINESS_RELATION_CODE_MISSING",
					Message.of("detail.businessRelationCodeMissing", type, setupField));
		}

	}

	static final class ContactAlreadyLinked extends ProblemException {

		ContactAlreadyLinked(String contactNo, Message type, String linkedNo) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "CONTACT_ALREADY_LINKED",
					Message.of("detail.contactAlreadyLinked", contactNo, type, linkedNo));
		}

	}

	static final class RecordAlreadyLinked extends ProblemException {

		RecordAlreadyLinked(Message type, String no, String contactNo) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "RECORD_ALREADY_LINKED",
					Message.of("detail.recordAlreadyLinked", type, no, contactNo));
		}

	}

	static final class TemplateRequired extends ProblemException {

		TemplateRequired(String field, List<String> templates) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "TEMPLATE_REQUIRED",
					Message.of("detail.templateRequired", String.join(", ", templates)),
					List.of(new FieldError(field, "invalid.chooseTemplate", String.join(", ", templates))));
		}

	}

}
