/**
 * Data in and out of ContactSync as files: every list exported with its search and
 * filters as CSV or XLSX, contacts as vCard 4.0, and the dry run of a vCard import (the
 * import itself is to come). The module reads and rehearses the records through their
 * modules' services, page by page, exactly as the API shows them; it owns no table.
 */
@NullMarked
@ApplicationModule(displayName = "Exchange (import, export, vCard)")
package io.contactsync.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
