package io.contactsync.platform.table;

/**
 * A REST resource that serves a {@link Table}: the API documentation describes its
 * requests and answers from the table's fields.
 */
public interface TableResource {

	Table table();

	/** The resource's path, such as {@code /api/v1/customers}. */
	String path();

	/** The path of the class's {@code @RequestMapping}. */
	static String mappedPath(Class<?> controller) {
		org.springframework.web.bind.annotation.RequestMapping mapping = org.springframework.core.annotation.AnnotatedElementUtils
			.findMergedAnnotation(controller, org.springframework.web.bind.annotation.RequestMapping.class);
		return mapping != null && mapping.value().length > 0 ? mapping.value()[0] : "";
	}

}
