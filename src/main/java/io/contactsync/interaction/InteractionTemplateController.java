package io.contactsync.interaction;

import io.contactsync.platform.table.CodeTableController;
import io.contactsync.platform.table.TableStore;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/interaction-templates")
class InteractionTemplateController extends CodeTableController {

	InteractionTemplateController(TableStore tables) {
		super(tables, InteractionTemplates.TABLE);
	}

}
