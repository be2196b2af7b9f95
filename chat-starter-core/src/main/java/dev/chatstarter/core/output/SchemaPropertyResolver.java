package dev.chatstarter.core.output;

import java.lang.reflect.AnnotatedElement;

import org.jspecify.annotations.Nullable;

/**
 * Extra per-property information for {@link JsonSchemaGenerator}, read from annotations the generator does not know
 * itself (it knows Jackson's {@code @JsonProperty}, {@code @JsonPropertyDescription}, {@code @JsonClassDescription},
 * {@code @JsonIgnore}, {@code Optional} and {@code @Nullable}). The tool package uses it for {@code @ToolParam} on
 * fields and record components.
 */
public interface SchemaPropertyResolver {

	/**
	 * A resolver that adds nothing.
	 */
	SchemaPropertyResolver NONE = new SchemaPropertyResolver() {
	};

	/**
	 * Return the description of a property.
	 * @param member the property's field or getter method
	 * @return the description, or {@code null} to let the generator decide
	 */
	default @Nullable String description(AnnotatedElement member) {
		return null;
	}

	/**
	 * Whether a property may be left out (or be {@code null}) even though its type does not say so.
	 * @param member the property's field or getter method
	 * @return {@code true} if the property is optional
	 */
	default boolean isOptional(AnnotatedElement member) {
		return false;
	}

}
