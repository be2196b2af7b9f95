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

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolParam;

/**
 * A user's tool bean as the AOT tests see it: a record parameter with an enum, a record
 * result.
 */
public class OrderTools {

	@ChatTool(name = "lookup_order", description = "Looks an order up")
	public OrderInfo lookup(@ToolParam(description = "which order") OrderQuery query) {
		return new OrderInfo(query.orderId(), Status.SHIPPED, LocalDate.of(2026, 12, 24), List.of("book"),
				query.channel());
	}

	/**
	 * Where an order was placed.
	 */
	public enum Channel {

		@JsonProperty("web")
		WEB,

		@JsonProperty("phone")
		PHONE

	}

	/**
	 * An order's state.
	 */
	public enum Status {

		OPEN, SHIPPED

	}

	/**
	 * The tool's argument.
	 *
	 * @param orderId the order
	 * @param channel where it was placed
	 */
	public record OrderQuery(String orderId, @ToolParam(required = false) Channel channel) {
	}

	/**
	 * The tool's result.
	 *
	 * @param orderId the order
	 * @param status its state
	 * @param eta when it arrives
	 * @param items what is in it
	 * @param channel where it was placed
	 */
	public record OrderInfo(String orderId, Status status, LocalDate eta, List<String> items, Channel channel) {
	}

}
