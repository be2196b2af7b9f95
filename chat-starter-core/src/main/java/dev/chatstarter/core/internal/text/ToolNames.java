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

package dev.chatstarter.core.internal.text;

import java.util.Collection;
import java.util.regex.Pattern;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Tool names as log lines and error texts show them. A name the model made up may hold
 * anything (CR/LF to forge a log line, megabytes of text); one that is not a plain tool
 * name is shown JSON-quoted and cut.
 */
public final class ToolNames {

	/** What a plain tool name looks like; providers allow these characters. */
	private static final Pattern PLAIN = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

	private static final int MAX_SHOWN = 64;

	private ToolNames() {
	}

	/**
	 * Return the name for a log line or an error text: {@code 'get_weather'} for a plain
	 * name, else the name JSON-quoted (control characters escaped) and cut after 64
	 * characters, e.g. {@code "get\nFORGED"}.
	 * @param name the name, possibly made up by the model
	 * @return the name, safe to print
	 */
	public static String quoted(String name) {
		if (PLAIN.matcher(name).matches()) {
			return "'" + name + "'";
		}
		return json(name, MAX_SHOWN);
	}

	/**
	 * Return the names for a log line or an error text, each as {@link #quoted(String)}
	 * shows it.
	 * @param names the names
	 * @return the names, safe to print
	 */
	public static String quoted(Collection<String> names) {
		return names.stream().map(ToolNames::quoted).toList().toString();
	}

	/**
	 * Return a text JSON-quoted, control characters escaped, cut after {@code max}
	 * characters.
	 * @param text the text
	 * @param max how many characters to keep
	 * @return the quoted text
	 */
	public static String json(String text, int max) {
		boolean cut = text.length() > max;
		String shown = cut ? text.substring(0, max) : text;
		StringBuilder quoted = new StringBuilder("\"");
		JsonStringEncoder.getInstance().quoteAsString(shown, quoted);
		quoted.append('"');
		if (cut) {
			quoted.append("… (").append(text.length()).append(" characters)");
		}
		return quoted.toString();
	}

}
