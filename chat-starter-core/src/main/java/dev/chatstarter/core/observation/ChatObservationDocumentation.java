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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of a {@link dev.chatstarter.core.ChatTemplate} and their keys, after
 * the OpenTelemetry GenAI semantic conventions.
 */
public enum ChatObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call to the model: a chat completion (blocking or streamed; each round of the
	 * tool-call loop is one call), a model listing or an image generation.
	 */
	MODEL_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultChatObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ModelLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ModelHighCardinalityKeyNames.values();
		}

	},

	/**
	 * One execution of a tool by the tool-call loop.
	 */
	TOOL_EXECUTION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultToolObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ToolLowCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys of {@link #MODEL_OPERATION}: tags of the metrics.
	 */
	public enum ModelLowCardinalityKeyNames implements KeyName {

		/** The operation: {@code chat}, {@code models} or {@code image_generation}. */
		OPERATION_NAME("gen_ai.operation.name"),

		/** The configured provider name, e.g. {@code kuai}. */
		PROVIDER_NAME("gen_ai.provider.name"),

		/** The model asked for, or {@code none}. */
		REQUEST_MODEL("gen_ai.request.model"),

		/** The host of the provider's base URL. */
		SERVER_ADDRESS("server.address"),

		/** The port of the provider's base URL. */
		SERVER_PORT("server.port"),

		/** The simple name of the exception's class, {@code _OTHER} or {@code none}. */
		ERROR_TYPE("error.type");

		private final String key;

		ModelLowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * High-cardinality keys of {@link #MODEL_OPERATION}: span attributes only, each
	 * present when known.
	 */
	public enum ModelHighCardinalityKeyNames implements KeyName {

		/**
		 * The model that answered, as the provider names it, or {@code none}; never a
		 * metric tag (unbounded).
		 */
		RESPONSE_MODEL("gen_ai.response.model"),

		/**
		 * The request model when its metric tag is {@code _OTHER} (over the bound of
		 * distinct values).
		 */
		REQUEST_MODEL("gen_ai.request.model"),

		/** The completion id. */
		RESPONSE_ID("gen_ai.response.id"),

		/** The finish reason of the first choice. */
		RESPONSE_FINISH_REASONS("gen_ai.response.finish_reasons"),

		/** The input tokens the provider reported. */
		USAGE_INPUT_TOKENS("gen_ai.usage.input_tokens"),

		/** The output tokens the provider reported. */
		USAGE_OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

		/** The time to the first chunk of a stream, in seconds. */
		RESPONSE_TIME_TO_FIRST_CHUNK("gen_ai.response.time_to_first_chunk");

		private final String key;

		ModelHighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Low-cardinality keys of {@link #TOOL_EXECUTION}.
	 */
	public enum ToolLowCardinalityKeyNames implements KeyName {

		/** Always {@code execute_tool}. */
		OPERATION_NAME("gen_ai.operation.name"),

		/** The tool's name. */
		TOOL_NAME("gen_ai.tool.name"),

		/** The configured provider name whose model asked for the tool. */
		PROVIDER_NAME("gen_ai.provider.name"),

		/** The simple name of the exception's class, {@code _OTHER} or {@code none}. */
		ERROR_TYPE("error.type");

		private final String key;

		ToolLowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
