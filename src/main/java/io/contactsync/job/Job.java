package io.contactsync.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.contactsync.platform.FieldError;
import io.contactsync.platform.Message;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A batch job as the API shows it; {@code duplicates} counts created contacts that have
 * duplicates.
 */
public record Job(long id, String type, String status, @Nullable Filter filter, long total, long processed,
		long created, long skipped, long failed, long duplicates, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, List<Error> errors) {

	/** Whether the job has ended, one way or another: nothing more will change. */
	public boolean isFinished() {
		return "SUCCEEDED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status);
	}

	@Schema(name = "JobFilter")
	public record Filter(@Nullable String noFrom, @Nullable String noTo) {
	}

	/**
	 * @param message in English, as the log keeps it
	 * @param said the same by message code, for a page to say in its reader's language;
	 * empty for errors of jobs run before it was kept
	 */
	@Schema(name = "JobError")
	public record Error(String no, String message, @JsonIgnore @Schema(hidden = true) List<Message> said) {

		/** A record refused for its fields' reasons, each said with the field's name. */
		public static Error refused(String no, List<FieldError> errors) {
			List<String> english = new ArrayList<>();
			List<Message> said = new ArrayList<>();
			for (FieldError error : errors) {
				english.add((error.field().isEmpty() ? "" : error.field() + ": ") + error.message().english());
				said.add(error.field().isEmpty() ? error.message() : Message.of("job.error.field",
						Message.orElse("field." + error.field(), error.field()), error.message()));
			}
			return new Error(no, String.join("; ", english), said);
		}

		/** A record left out for one reason. */
		public static Error because(String no, Message why) {
			return new Error(no, why.english(), List.of(why));
		}

	}

}
