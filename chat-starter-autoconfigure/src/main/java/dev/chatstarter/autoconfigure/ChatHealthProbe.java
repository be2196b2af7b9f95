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

package dev.chatstarter.autoconfigure;

/**
 * How a provider's health indicator checks it.
 */
public enum ChatHealthProbe {

	/** List the models ({@code GET /v1/models}): free, and proves the key is accepted. */
	MODELS,

	/**
	 * Send a tiny chat completion (one output token, no tools), for providers without a
	 * model list.
	 */
	CHAT,

	/** Never call the provider; its health is {@code UNKNOWN}. */
	NONE

}
