package io.contactsync.platform;

import java.util.List;

/**
 * Many changes made at once by a bulk path, published as one event so that the change log
 * writes them with one statement instead of one per row. Each entry is logged exactly as
 * if it had been published on its own.
 */
public interface AuditedBatch {

	List<? extends AuditedChange> entries();

}
