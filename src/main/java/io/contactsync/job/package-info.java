/**
 * Long-running batch jobs, run in the background with progress, cancel, and resume after
 * a crash: creating contacts for the customers, vendors and bank accounts that have none.
 */
@NullMarked
@ApplicationModule(displayName = "Job")
package io.contactsync.job;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
