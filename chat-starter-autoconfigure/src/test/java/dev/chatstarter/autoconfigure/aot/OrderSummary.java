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

package dev.chatstarter.autoconfigure.aot;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A structured-output type as the AOT tests see it.
 *
 * @param orderId the order
 * @param status its state
 * @param items what is in it
 */
public record OrderSummary(@JsonProperty("order_id") String orderId, OrderTools.Status status, List<String> items) {
}
