package io.contactsync.platform.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read as written: a number where text belongs, text where a number belongs, or a
 * key given twice is a malformed request, not something to guess at.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
			// Text that trims to nothing (blanks, a NUL) is no number or flag: by default
			// Jackson reads it as null, and the field would take its default.
			.withCoercionConfig(LogicalType.Integer, StrictJsonConfiguration::noBlankText)
			.withCoercionConfig(LogicalType.Float, StrictJsonConfiguration::noBlankText)
			.withCoercionConfig(LogicalType.Boolean, StrictJsonConfiguration::noBlankText);
	}

	private static void noBlankText(MutableCoercionConfig config) {
		config.setAcceptBlankAsEmpty(true).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
	}

}
