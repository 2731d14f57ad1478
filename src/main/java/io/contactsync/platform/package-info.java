/**
 * What every module stands on: the embedded database, the problem+json conventions of the
 * API, generic setup tables, and who is changing data right now.
 */
@NullMarked
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package io.contactsync.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
