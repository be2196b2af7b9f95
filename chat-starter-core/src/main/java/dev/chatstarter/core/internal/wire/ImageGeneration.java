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

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.internal.error.ChatErrorMapper;
import dev.chatstarter.core.internal.http.ProviderHttpClient;

/**
 * Generates images with a provider ({@code POST /images/generations}).
 */
public final class ImageGeneration {

	/** The path of image generation, below the base URL. */
	public static final String IMAGES_PATH = "/images/generations";

	private final ProviderHttpClient http;

	private final ChatErrorMapper errorMapper;

	private final ImageCodec codec;

	/**
	 * Create the image generation of a provider.
	 * @param http the provider's HTTP client
	 * @param jsonMapper the mapper that writes requests and reads answers
	 * @param errorMapper turns a malformed answer into an exception
	 */
	public ImageGeneration(ProviderHttpClient http, JsonMapper jsonMapper, ChatErrorMapper errorMapper) {
		this.http = http;
		this.errorMapper = errorMapper;
		this.codec = new ImageCodec(jsonMapper);
	}

	/**
	 * Generate images.
	 * @param request the request
	 * @return the images
	 */
	public Mono<ImageResult> generate(ImageRequest request) {
		return Mono.fromSupplier(() -> this.codec.write(request))
			.flatMap((body) -> this.http.post(IMAGES_PATH, body))
			.map((json) -> {
				if (!this.codec.isImageResult(json)) {
					throw this.errorMapper.malformed("the image answer has no 'data' array", null,
							json.toString().getBytes(StandardCharsets.UTF_8));
				}
				return this.codec.read(json);
			});
	}

}
