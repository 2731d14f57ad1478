/**
 * The table engine: tables described by their fields, one store that reads and writes
 * them with the API's conventions (validation, versions, merge patch, paging), and the
 * typed events every change is published as. Modules describe their tables and call the
 * engine; it knows none of them.
 */
@NullMarked
@NamedInterface("table")
package io.contactsync.platform.table;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
