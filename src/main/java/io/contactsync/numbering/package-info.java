/**
 * Number series and the allocation of numbers from them: one at a time or in blocks,
 * never the same number twice, however many transactions ask at once. Gapless by default
 * (the series locked until the drawing transaction ends); per series, allowing gaps (a
 * sequence of the series, no lock held to the commit).
 */
@NullMarked
@ApplicationModule(displayName = "Numbering")
package io.contactsync.numbering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
