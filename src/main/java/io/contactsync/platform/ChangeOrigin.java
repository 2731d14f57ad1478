package io.contactsync.platform;

/** Where a change to data came from, as the change log records it. */
public enum ChangeOrigin {

	/** A person in the web UI. */
	USER,
	/** A client of the REST API. */
	API,
	/** Carried by the sync from a change to a linked record. */
	SYNC,
	/** A batch job. */
	JOB,
	/** Loaded from outside: demo data, imports. */
	IMPORT

}
