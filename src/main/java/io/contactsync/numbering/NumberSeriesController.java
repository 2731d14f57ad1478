package io.contactsync.numbering;

import io.contactsync.platform.table.CodeTableController;
import io.contactsync.platform.table.TableStore;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/number-series")
class NumberSeriesController extends CodeTableController {

	NumberSeriesController(TableStore tables) {
		super(tables, NumberSeriesTable.TABLE);
	}

}
