package io.contactsync.platform;

/**
 * Something the person who starts the application must read, such as the first start's
 * administrator password. {@link StartupReport} has it printed just before the line that
 * says the application is ready: the last lines are where a newcomer looks, and ~100
 * lines of start-up log bury anything printed earlier.
 */
public interface StartupNotice {

	/**
	 * Prints the notice to the console (never to the log, which may be kept in a file),
	 * the first time only: later calls print nothing.
	 */
	void printOnce();

}
