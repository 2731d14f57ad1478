/**
 * The web UI: server-rendered pages for the people who work in the system, in Norwegian
 * Bokmål and English. Thin adapters over the same services as the API; no rules of its
 * own.
 */
@ApplicationModule(displayName = "Web UI")
@NullMarked
package io.contactsync.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
