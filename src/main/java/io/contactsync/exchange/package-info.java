/**
 * Data in and out of ContactSync as files: every list exported with its search and
 * filters as CSV or XLSX, contacts as vCard 4.0, the dry run of a vCard import, and the
 * import of CSV and XLSX files ({@code imports}: upload, column mapping, dry run, run as
 * a job, undo). The module reads, rehearses and writes the records through their modules'
 * services, exactly as the API does; its only tables are the imports' own.
 */
@NullMarked
@ApplicationModule(displayName = "Exchange (import, export, vCard)")
package io.contactsync.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
