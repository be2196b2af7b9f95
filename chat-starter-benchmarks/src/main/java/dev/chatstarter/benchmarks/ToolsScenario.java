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

/**
 * Scenario 4: a tool-call round trip on one caller thread, each client with its own tool
 * support (contenders without it are left out).
 */
final class ToolsScenario implements Scenario {

	private static final String DESCRIPTION = "\"Weather in Paris?\" with one tool offered: the stub answers with a "
			+ "tool call, the client runs the tool and sends its result, the stub answers (a second request without "
			+ "the tool's result gets a 400, and a final answer other than the stub's counts as an error). One caller "
			+ "thread, closed loop. Each client uses its own tool support: chat-starter runs its own loop "
			+ "(`toolsFrom(bean)` on a `@ChatTool` method); Spring AI runs its loop in a `ChatClient` on the same "
			+ "`OpenAiChatModel` with a `@Tool` method (`prompt(...).tools(bean)`; since Spring AI 2.0 the loop is the "
			+ "client's `ToolCallingAdvisor`, a `ChatModel` alone returns the tool call); LangChain4j runs its loop in "
			+ "an `AiServices` assistant on the same `OpenAiChatModel` with a `@Tool` method; openai-java has no tool "
			+ "loop, so the round trip is written by hand as its docs show (a `FunctionDefinition` tool, the tool call "
			+ "read from the answer, the assistant and tool messages added, a second request); raw sends the two "
			+ "pre-built requests by hand.";

	@Override
	public String name() {
		return "tools";
	}

	@Override
	public void run(ScenarioContext context) throws Exception {
		System.out.println("Scenario 4: tool-call round trip");
		context.report().section("4. Tool-call round trip", DESCRIPTION);
		try (ContenderGroup contenders = context.contenders("/c1/d0")) {
			contenders.retain(Operation.TOOLS);
			RoundResults results = context.interleaved(contenders, 1, Operation.TOOLS, "tools");
			context.report().append(TableWriter.closedLoop(results, "round trips/s", "CPU µs/round trip"));
		}
	}

}
