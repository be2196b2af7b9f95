package dev.chatstarter.autoconfigure.aot;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A structured-output type as the AOT tests see it.
 * @param orderId the order
 * @param status its state
 * @param items what is in it
 */
public record OrderSummary(@JsonProperty("order_id") String orderId, OrderTools.Status status, List<String> items) {
}
