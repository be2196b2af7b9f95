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

package dev.chatstarter.sample.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.model.ModelInfo;

/**
 * The provider's model list and image generation.
 */
@RestController
public class ProviderResourcesController {

	private final ProviderSelector providers;

	public ProviderResourcesController(ProviderSelector providers) {
		this.providers = providers;
	}

	/**
	 * List the provider's models.
	 * @param provider the provider to ask, the default one when not given
	 * @return the model ids
	 */
	@GetMapping(path = "/models", produces = MediaType.APPLICATION_JSON_VALUE)
	public List<String> models(@RequestParam(required = false) @Nullable String provider) {
		return this.providers.select(provider).models().stream().map(ModelInfo::id).toList();
	}

	/**
	 * Generate images.
	 * @param request the prompt, count, size and provider
	 * @return the image URLs (base64 answers as {@code data:} URLs)
	 */
	@PostMapping(path = "/images", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public List<String> images(@RequestBody ImagesQuestion request) {
		String prompt = InputLimits.requireText(request.prompt(), "The prompt must not be blank", request.provider());
		InputLimits.checkImageGeneration(request.n(), request.size(), request.provider());
		ImageResult result = this.providers.select(request.provider())
			.images()
			.generate(ImageRequest.builder(prompt).n(request.n()).size(request.size()).build());
		return result.images()
			.stream()
			.map((image) -> (image.url() != null) ? image.url() : "data:image/png;base64," + image.b64Json())
			.toList();
	}

	/**
	 * The body of {@code POST /images}.
	 *
	 * @param prompt the description of the image
	 * @param n how many images, 1 to {@link InputLimits#MAX_IMAGE_COUNT}
	 * @param size the size, one of {@link InputLimits#IMAGE_SIZES}, e.g.
	 * {@code 1024x1024}
	 * @param provider the provider to ask, the default one when not given
	 */
	public record ImagesQuestion(@Nullable String prompt, @Nullable Integer n, @Nullable String size,
			@Nullable String provider) {
	}

}
