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
 * Marks a method of a bean as a tool the model may call. The method's parameters become
 * the tool's JSON schema (see {@link ToolParam}); a {@link ToolContext} parameter
 * receives the caller's context and is not part of the schema. The method may return
 * anything Jackson can write (a {@code String} is sent as it is, {@code void} as
 * {@code "done"}), or a {@code Mono}/{@code CompletionStage} of it; blocking methods run
 * on a bounded scheduler, never on the caller's thread. <pre class="code">
 * &#64;ChatTool(name = "get_current_weather", description = "获取指定位置的当前天气")
 * Weather currentWeather(&#64;ToolParam(description = "城市名称") String location, &#64;Nullable Unit unit) { ... }
 * </pre> The annotation may also sit on an interface or superclass method the bean
 * implements.
 *
 * @see ToolCallbacks#fromBean(Object)
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChatTool {

	/**
	 * The tool name the model calls, {@code [a-zA-Z0-9_-]{1,64}}; the method name when
	 * empty.
	 * @return the name
	 */
	String name() default "";

	/**
	 * What the tool does and when to use it, for the model.
	 * @return the description; none is sent when empty
	 */
	String description() default "";

}
