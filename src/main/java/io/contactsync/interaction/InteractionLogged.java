package io.contactsync.interaction;

import io.contactsync.platform.table.RecordChange;
import io.contactsync.platform.table.RecordEvent;

/**
 * An interaction with a contact was logged, in this transaction: by hand, or by a
 * document printed or sent. Keyed by its entry number; entries have no version.
 */
public record InteractionLogged(RecordChange change) implements RecordEvent {

	@Override
	public String eventType() {
		return "interaction.logged";
	}

}
