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

package dev.chatstarter.core.internal.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.http.ProviderHttpClient;
import dev.chatstarter.core.model.ModelInfo;

/**
 * Lists the models of a provider ({@code GET /models}).
 */
public final class ModelCatalog {

	/** The path of the model list, below the base URL. */
	public static final String MODELS_PATH = "/models";

	private final ProviderHttpClient http;

	private final ChatErrorMapper errorMapper;

	private final ModelListReader reader = new ModelListReader();

	/**
	 * Create the catalog of a provider.
	 * @param http the provider's HTTP client
	 * @param errorMapper turns a malformed list into an exception
	 */
	public ModelCatalog(ProviderHttpClient http, ChatErrorMapper errorMapper) {
		this.http = http;
		this.errorMapper = errorMapper;
	}

	/**
	 * List the models.
	 * @return the models
	 */
	public Mono<List<ModelInfo>> list() {
		return this.http.get(MODELS_PATH).map((json) -> {
			if (!this.reader.isModelList(json)) {
				throw this.errorMapper.malformed("the model list has no 'data' array", null,
						json.toString().getBytes(StandardCharsets.UTF_8));
			}
			return this.reader.read(json);
		});
	}

}
