package dev.chatstarter.autoconfigure.aot;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolParam;

/**
 * A user's tool bean as the AOT tests see it: a record parameter with an enum, a record result.
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
	 * @param orderId the order
	 * @param channel where it was placed
	 */
	public record OrderQuery(String orderId, @ToolParam(required = false) Channel channel) {
	}

	/**
	 * The tool's result.
	 * @param orderId the order
	 * @param status its state
	 * @param eta when it arrives
	 * @param items what is in it
	 * @param channel where it was placed
	 */
	public record OrderInfo(String orderId, Status status, LocalDate eta, List<String> items, Channel channel) {
	}

}
