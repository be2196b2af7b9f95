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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;

/**
 * Writes {@code /v1/images/generations} requests and reads their answers.
 */
public final class ImageCodec {

	private final JsonMapper jsonMapper;

	/**
	 * Create a codec.
	 * @param jsonMapper the mapper that serialises requests
	 */
	public ImageCodec(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Write the request body; unset fields are left out.
	 * @param request the request
	 * @return the JSON body
	 */
	public byte[] write(ImageRequest request) {
		ObjectNode body = this.jsonMapper.createObjectNode();
		body.put("prompt", request.prompt());
		putIfSet(body, "model", request.model());
		if (request.n() != null) {
			body.put("n", request.n());
		}
		putIfSet(body, "size", request.size());
		putIfSet(body, "quality", request.quality());
		putIfSet(body, "style", request.style());
		putIfSet(body, "response_format", request.responseFormat());
		putIfSet(body, "user", request.user());
		return this.jsonMapper.writeValueAsBytes(body);
	}

	/**
	 * Read the answer.
	 * @param root the parsed body
	 * @return the images
	 */
	public ImageResult read(JsonNode root) {
		List<ImageResult.GeneratedImage> images = new ArrayList<>();
		JsonNode data = JsonNodes.array(root, "data");
		if (data != null) {
			for (JsonNode image : data) {
				images.add(new ImageResult.GeneratedImage(JsonNodes.text(image, "url"),
						JsonNodes.text(image, "b64_json"), JsonNodes.text(image, "revised_prompt")));
			}
		}
		return new ImageResult(JsonNodes.longValue(root, "created"), images);
	}

	/**
	 * Whether the body has the shape of an image result.
	 * @param root the parsed body
	 * @return {@code true} when it has a {@code data} array
	 */
	public boolean isImageResult(JsonNode root) {
		return JsonNodes.array(root, "data") != null;
	}

	private static void putIfSet(ObjectNode body, String field, @Nullable String value) {
		if (value != null) {
			body.put(field, value);
		}
	}

}
