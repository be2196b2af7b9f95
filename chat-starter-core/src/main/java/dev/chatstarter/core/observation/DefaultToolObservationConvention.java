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

package dev.chatstarter.core.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.chatstarter.core.observation.ChatObservationDocumentation.ToolLowCardinalityKeyNames;

/**
 * The default {@link ToolObservationConvention}, after the OpenTelemetry GenAI semantic
 * conventions: the observation is named {@value #NAME}, the span {@code "execute_tool
 * {tool name}"}, and the tags are the operation ({@code execute_tool}), the tool's name,
 * the configured provider name and the error type. Tool arguments and results are never
 * tags.
 */
public class DefaultToolObservationConvention implements ToolObservationConvention {

	/**
	 * The name of the observation, and of the timer the default meter handler records.
	 */
	public static final String NAME = "gen_ai.execute_tool.duration";

	/** The value of {@code gen_ai.operation.name} for tool executions. */
	public static final String OPERATION = "execute_tool";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(ToolObservationContext context) {
		return OPERATION + " " + context.getToolName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ToolObservationContext context) {
		return KeyValues.of(ToolLowCardinalityKeyNames.OPERATION_NAME.withValue(OPERATION), toolName(context),
				ToolLowCardinalityKeyNames.PROVIDER_NAME.withValue(context.getProvider()), errorType(context));
	}

	/**
	 * The {@code gen_ai.tool.name} tag.
	 * @param context the context
	 * @return the tag
	 */
	protected KeyValue toolName(ToolObservationContext context) {
		return ToolLowCardinalityKeyNames.TOOL_NAME.withValue(context.getToolName());
	}

	/**
	 * The {@code error.type} tag.
	 * @param context the context
	 * @return the tag: the exception's simple class name, {@code _OTHER} or {@code none}
	 */
	protected KeyValue errorType(ToolObservationContext context) {
		return ToolLowCardinalityKeyNames.ERROR_TYPE.withValue(ErrorTypes.of(context.getError()));
	}

}
