/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.chatstarter.core.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link ChatTool} method, or a field, getter or record
 * component of a parameter type (for descriptions of nested properties). A parameter is
 * required unless it says {@code required = false}, is an {@code Optional} or is
 * {@code @Nullable}; a missing optional argument arrives as {@code null},
 * {@code Optional.empty()} or the primitive default.
 */
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ToolParam {

	/**
	 * What the value means, for the model.
	 * @return the description; none is sent when empty
	 */
	String description() default "";

	/**
	 * Whether the model must always pass the value.
	 * @return {@code false} to make it optional
	 */
	boolean required() default true;

}
