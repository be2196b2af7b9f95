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

package dev.chatstarter.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the report's result tables as Markdown: a header row, an alignment row and one
 * row per result, followed by a blank line; and formats the figures in their cells.
 */
final class TableWriter {

	private final List<String> headers = new ArrayList<>();

	private final List<String> alignments = new ArrayList<>();

	private final List<String> rows = new ArrayList<>();

	private TableWriter() {
	}

	/**
	 * Start a table; add its columns with {@link #left} and {@link #right}.
	 * @return the table, without columns
	 */
	static TableWriter table() {
		return new TableWriter();
	}

	/**
	 * The table of a closed-loop scenario: per contender its throughput, CPU per
	 * operation (both also as ratios to raw), latency percentiles and errors.
	 * @param results the scenario's rounds
	 * @param throughput the header of the throughput column, such as {@code req/s}
	 * @param cpu the header of the CPU column, such as {@code CPU µs/req}
	 * @return the rendered table
	 */
	static String closedLoop(RoundResults results, String throughput, String cpu) {
		TableWriter table = table().left("client").right(throughput, "×raw", cpu, "×raw", "p50 ms", "p99 ms", "errors");
		for (String name : results.names()) {
			Measurement m = results.pooled(name);
			table.row(name, number(m.throughput(), 0), number(results.ratio(name, Measurement::throughput), 2),
					number(m.cpuMicrosPerOperation(), 0),
					number(results.ratio(name, Measurement::cpuMicrosPerOperation), 2),
					millis(m.latencies.percentile(50)), millis(m.latencies.percentile(99)), errors(m));
		}
		return table.render();
	}

	/**
	 * Add left-aligned columns.
	 * @param headers the columns' headers
	 * @return this table
	 */
	TableWriter left(String... headers) {
		return columns("---", headers);
	}

	/**
	 * Add right-aligned (numeric) columns.
	 * @param headers the columns' headers
	 * @return this table
	 */
	TableWriter right(String... headers) {
		return columns("---:", headers);
	}

	private TableWriter columns(String alignment, String... headers) {
		for (String header : headers) {
			this.headers.add(header);
			this.alignments.add(alignment);
		}
		return this;
	}

	/**
	 * Add a row.
	 * @param cells one cell per column, rendered with {@link String#valueOf(Object)}
	 * @return this table
	 */
	TableWriter row(Object... cells) {
		if (cells.length != this.headers.size()) {
			throw new IllegalArgumentException(cells.length + " cells for " + this.headers.size() + " columns");
		}
		List<String> texts = new ArrayList<>();
		for (Object cell : cells) {
			texts.add(String.valueOf(cell));
		}
		this.rows.add(line(texts));
		return this;
	}

	/**
	 * Render the table.
	 * @return the Markdown of the table and the blank line after it
	 */
	String render() {
		StringBuilder text = new StringBuilder(line(this.headers));
		text.append('|').append(String.join("|", this.alignments)).append("|\n");
		this.rows.forEach(text::append);
		return text.append('\n').toString();
	}

	private static String line(List<String> cells) {
		return "| " + String.join(" | ", cells) + " |\n";
	}

	/**
	 * Format a figure with thousands separators.
	 * @param value the figure
	 * @param decimals the number of decimals
	 * @return the formatted figure, or a dash if it is not a finite number
	 */
	static String number(double value, int decimals) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "–";
		}
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	/**
	 * Format a duration in milliseconds.
	 * @param nanos the duration in nanoseconds
	 * @return the milliseconds with two decimals
	 */
	static String millis(long nanos) {
		return number(nanos / 1e6, 2);
	}

	/**
	 * Format whether a target was met.
	 * @param met whether it was
	 * @return {@code yes}, or a bold {@code no}
	 */
	static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

	/**
	 * Format the errors of a measurement.
	 * @param m the measurement
	 * @return the number of errors, followed by the start of the last error if there was
	 * one
	 */
	static String errors(Measurement m) {
		return m.errors + (m.lastError.isEmpty() ? "" : " ("
				+ m.lastError.replace('|', '/').replace('\n', ' ').substring(0, Math.min(120, m.lastError.length()))
				+ ")");
	}

}
