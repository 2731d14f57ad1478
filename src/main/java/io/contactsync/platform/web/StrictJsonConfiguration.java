package io.contactsync.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read as written: a number where text belongs, text where a number belongs, or a
 * key given twice is a malformed request, not something to guess at. A date or time is
 * text in ISO 8601 form, as every answer writes it.
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
			.withCoercionConfig(LogicalType.Boolean, StrictJsonConfiguration::noBlankText)
			.addModule(new SimpleModule("dates-as-text").setDeserializerModifier(new DatesAsText()));
	}

	private static void noBlankText(MutableCoercionConfig config) {
		config.setAcceptBlankAsEmpty(true).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
	}

	/**
	 * Jackson reads a date or time from an array too ({@code [2026, 12, 2]}), and an
	 * empty array as no value at all, so that the field would take its default (today,
	 * for an interaction): for the API an array there is a value of the wrong type.
	 */
	private static final class DatesAsText extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
				BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
			Class<?> type = deserializer.handledType();
			return type != null && type.getPackageName().equals("java.time") ? new NoArrays(deserializer)
					: deserializer;
		}

	}

	private static final class NoArrays extends DelegatingDeserializer {

		NoArrays(ValueDeserializer<?> dates) {
			super(dates);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> dates) {
			return new NoArrays(dates);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.START_ARRAY)) {
				return context.handleUnexpectedToken(_delegatee.handledType(), parser);
			}
			return super.deserialize(parser, context);
		}

	}

}
