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

package dev.chatstarter.autoconfigure.tool;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.tool.ChatTool;
import dev.chatstarter.core.tool.ToolContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChatToolRuntimeHints}: what a native image needs to discover and call
 * a tool bean's methods and to bind their arguments and results.
 */
class ChatToolAotHintsTests {

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void resultsInMonoCompletionStageAndListsAreBoundAsTheTypesTheyHold() {
		RuntimeHints hints = hintsOf(AsyncTools.class);
		assertThat(this.reflection.onMethodInvocation(Receipt.class, "id")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Line.class, "sku")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(Query.class, "text")).accepts(hints);
		assertThat(this.reflection.onType(Mono.class)).rejects(hints);
		assertThat(this.reflection.onType(CompletableFuture.class)).rejects(hints);
		assertThat(this.reflection.onType(ToolContext.class)).rejects(hints);
	}

	@Test
	void toolMethodsAreInvocableOnTheClassAndOnTheInterfacesAProxyExposes() {
		RuntimeHints hints = hintsOf(AsyncTools.class);
		assertThat(this.reflection.onType(AsyncTools.class)).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(AsyncTools.class, "receipt")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(AsyncTools.class, "later")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(ReceiptTool.class, "receipt")).accepts(hints);
		assertThat(this.reflection.onMethodInvocation(AsyncTools.class, "notATool")).rejects(hints);
	}

	@Test
	void beansWithoutToolsContributeNothing() {
		assertThat(ChatToolRuntimeHints.toolMethods(Receipt.class)).isEmpty();
		assertThat(ChatToolRuntimeHints.toolMethods(AsyncTools.class)).hasSize(2);
	}

	private static RuntimeHints hintsOf(Class<?> beanClass) {
		RuntimeHints hints = new RuntimeHints();
		new ChatToolRuntimeHints().register(hints, beanClass, ChatToolRuntimeHints.toolMethods(beanClass));
		return hints;
	}

	interface ReceiptTool {

		Mono<Receipt> receipt(Query query, ToolContext context);

	}

	public static class AsyncTools implements ReceiptTool {

		@Override
		@ChatTool(name = "receipt")
		public Mono<Receipt> receipt(Query query, ToolContext context) {
			return Mono.just(new Receipt("r-1", List.of(new Line("sku-1"))));
		}

		@ChatTool(name = "later")
		public CompletableFuture<List<Line>> later() {
			return CompletableFuture.completedFuture(List.of());
		}

		public String notATool() {
			return "";
		}

	}

	record Query(String text) {
	}

	record Receipt(String id, List<Line> lines) {
	}

	record Line(String sku) {
	}

}
