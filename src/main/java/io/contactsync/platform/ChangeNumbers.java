package io.contactsync.platform;

/**
 * Numbers for the change log's entries, handed out when a change is made rather than when
 * its entries are written (at the commit): a change the sync carries names the entry of
 * the change that caused it, and so needs that number while the transaction runs. The
 * change log keeps the numbers; whoever publishes a change that others may carry on takes
 * one for its first entry.
 */
public interface ChangeNumbers {

	long next();

}
