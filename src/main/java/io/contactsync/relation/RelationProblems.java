package io.contactsync.relation;

import java.util.List;

import io.contactsync.platform.FieldError;
import io.contactsync.platform.ProblemException;

import org.springframework.http.HttpStatus;

/** What can stand in the way of a link. */
final class RelationProblems {

	private RelationProblems() {
	}

	static final class BusinessRelationCodeMissing extends ProblemException {

		BusinessRelationCodeMissing(String type, String setupField) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "BUSINESS_RELATION_CODE_MISSING",
					"Contacts are not synchronised with " + type + " yet: set " + setupField
							+ " in marketing setup first.");
		}

	}

	static final class ContactAlreadyLinked extends ProblemException {

		ContactAlreadyLinked(String contactNo, String type, String linkedNo) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "CONTACT_ALREADY_LINKED", "Contact " + contactNo
					+ " is already linked with " + type + " " + linkedNo + "; remove that link first.");
		}

	}

	static final class RecordAlreadyLinked extends ProblemException {

		RecordAlreadyLinked(String type, String no, String contactNo) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "RECORD_ALREADY_LINKED",
					type + " " + no + " is already linked with contact " + contactNo + "; remove that link first.");
		}

	}

	static final class TemplateRequired extends ProblemException {

		TemplateRequired(String field, List<String> templates) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "TEMPLATE_REQUIRED",
					"Several templates fit this contact; choose one of " + String.join(", ", templates) + ".",
					List.of(new FieldError(field, "choose one of " + String.join(", ", templates))));
		}

	}

}
