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

import tools.jackson.databind.JsonNode;

import dev.chatstarter.core.model.ModelInfo;

/**
 * Reads a {@code /v1/models} answer: {@code {"object":"list","data":[...]}}, or a bare
 * array as some servers send.
 */
public final class ModelListReader {

	/**
	 * Read the model list.
	 * @param root the parsed body
	 * @return the models, in the provider's order; entries without an id are skipped
	 */
	public List<ModelInfo> read(JsonNode root) {
		JsonNode data = root.isArray() ? root : JsonNodes.array(root, "data");
		if (data == null) {
			data = JsonNodes.array(root, "models");
		}
		List<ModelInfo> models = new ArrayList<>();
		if (data != null) {
			for (JsonNode entry : data) {
				String id = entry.isString() ? entry.asString() : JsonNodes.text(entry, "id");
				if (id != null && !id.isBlank()) {
					models.add(new ModelInfo(id, JsonNodes.text(entry, "owned_by"),
							JsonNodes.longValue(entry, "created")));
				}
			}
		}
		return models;
	}

	/**
	 * Whether the body has the shape of a model list.
	 * @param root the parsed body
	 * @return {@code true} for an array or an object with a {@code data} or
	 * {@code models} array
	 */
	public boolean isModelList(JsonNode root) {
		return root.isArray() || JsonNodes.array(root, "data") != null || JsonNodes.array(root, "models") != null;
	}

}
