/**
 * What every module stands on: the embedded database, the problem+json conventions of the
 * API, generic setup tables, and who is changing data right now. A closed module: other
 * modules see its base package, the table engine ({@code table}) and the problem writer
 * of the web layer ({@code web}); the database and the rest of the web plumbing are its
 * own.
 */
@NullMarked
@ApplicationModule(displayName = "Platform")
package io.contactsync.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
