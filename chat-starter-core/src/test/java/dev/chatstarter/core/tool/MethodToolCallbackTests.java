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

package dev.chatstarter.core.tool;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import dev.chatstarter.core.Bounded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class MethodToolCallbackTests {

	private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 100, "tool-test");

	@AfterEach
	void disposeScheduler() {
		this.scheduler.dispose();
	}

	@Test
	void seedWeatherToolDefinition() {
		MethodToolCallback callback = callback(new WeatherTools(), "currentWeather");
		assertThat(callback.definition().name()).isEqualTo("get_current_weather");
		assertThat(callback.definition().description()).isEqualTo("获取指定位置的当前天气");
		assertThat(callback.definition().strict()).isNull();
		assertThat(callback.definition().parameters()).containsEntry("required", List.of("location"));
	}

	@Test
	void definitionIsBuiltOnce() {
		MethodToolCallback callback = callback(new WeatherTools(), "currentWeather");
		assertThat(callback.definition()).isSameAs(callback.definition());
		assertThat(callback.definition().parameters()).isSameAs(callback.definition().parameters());
	}

	@Test
	void nameDefaultsToTheMethodName() {
		MethodToolCallback callback = callback(new ConversionTools(), "everything");
		assertThat(callback.name()).isEqualTo("everything");
		assertThat(callback.definition().description()).isNull();
	}

	@Test
	void resultIsWrittenAsJsonAndEnumsAreCaseInsensitive() {
		MethodToolCallback callback = callback(new WeatherTools(), "currentWeather");
		assertThat(callback.call("{\"location\":\"北京\",\"unit\":\"FAHRENHEIT\"}").block())
			.isEqualTo("{\"location\":\"北京\",\"temperature\":21,\"unit\":\"fahrenheit\"}");
		assertThat(callback.call("{\"location\":\"北京\",\"unit\":\"Celsius\"}").block()).contains("\"celsius\"");
		assertThat(callback.call("{\"location\":\"北京\"}").block()).contains("\"celsius\"");
	}

	@Test
	void argumentsAreConvertedIntoTheGenericParameterTypes() {
		ConversionTools tools = new ConversionTools();
		String arguments = """
				{"count": 3, "ratio": 0.5, "flag": true, "names": ["a", "b"], "ids": [1, 2, 2],
				 "matrix": [[1, 2], [3]], "scores": {"x": 1.5}, "line": {"sku": "A-1", "quantity": 2},
				 "lines": [{"sku": "B", "quantity": 1}], "day": "2024-05-01", "maybe": "here",
				 "ignored": "unknown arguments are ignored"}
				""";
		String result = callback(tools, "everything").call(arguments).block();
		assertThat(result).isEqualTo("ok");
		Object[] received = tools.received;
		assertThat(received).containsExactly(3, 0.5, true, List.of("a", "b"), Set.of(1, 2),
				new int[][] { { 1, 2 }, { 3 } }, Map.of("x", 1.5), new ConversionTools.Line("A-1", 2),
				List.of(new ConversionTools.Line("B", 1)), LocalDate.of(2024, 5, 1), Optional.of("here"), null, 0L);
	}

	@Test
	void missingOptionalArgumentsGetDefaults() {
		ConversionTools tools = new ConversionTools();
		callback(tools, "optionals").call("{}").block();
		assertThat(tools.received).containsExactly(Optional.empty(), null, 0, false);
		callback(tools, "optionals").call("{\"maybe\": null, \"nullable\": null}").block();
		assertThat(tools.received).containsExactly(Optional.empty(), null, 0, false);
	}

	@Test
	void blankOrNullArgumentsMeanNone() {
		ConversionTools tools = new ConversionTools();
		assertThat(callback(tools, "optionals").call("").block()).isEqualTo("ok");
		assertThat(callback(tools, "optionals").call("null").block()).isEqualTo("ok");
	}

	@Test
	void argumentsEncodedAsAJsonStringAreAccepted() {
		MethodToolCallback callback = callback(new WeatherTools(), "currentWeather");
		assertThat(callback.call("\"{\\\"location\\\":\\\"上海\\\"}\"").block()).contains("上海");
	}

	@Test
	void invalidJsonFailsWithToolArgumentException() {
		MethodToolCallback callback = callback(new WeatherTools(), "currentWeather");
		ToolArgumentException ex = argumentFailure(callback, "{\"location\": \"北京\"");
		assertThat(ex.getToolName()).isEqualTo("get_current_weather");
		assertThat(ex.getParameterName()).isNull();
		assertThat(ex.getMessage())
			.startsWith("Invalid arguments for tool 'get_current_weather': the arguments are not valid JSON: ")
			.doesNotContain("[Source");
	}

	@Test
	void argumentsThatAreNotAnObjectFail() {
		ToolArgumentException ex = argumentFailure(callback(new WeatherTools(), "currentWeather"), "[\"北京\"]");
		assertThat(ex.getMessage()).contains("must be a JSON object, not array");
	}

	@Test
	void missingRequiredArgumentNamesTheParameter() {
		ToolArgumentException ex = argumentFailure(callback(new WeatherTools(), "currentWeather"),
				"{\"unit\":\"celsius\"}");
		assertThat(ex.getParameterName()).isEqualTo("location");
		assertThat(ex.getMessage())
			.isEqualTo("Invalid arguments for tool 'get_current_weather': 'location' is required");
		ToolArgumentException nullValue = argumentFailure(callback(new WeatherTools(), "currentWeather"),
				"{\"location\":null}");
		assertThat(nullValue.getParameterName()).isEqualTo("location");
	}

	@Test
	void valueOfTheWrongTypeNamesTheParameter() {
		ToolArgumentException ex = argumentFailure(callback(new ConversionTools(), "everything"), """
				{"count": "many", "ratio": 0.5, "flag": true, "names": [], "ids": [], "matrix": [], "scores": {},
				 "line": {"sku": "A", "quantity": 1}, "lines": [], "day": "2024-05-01"}
				""");
		assertThat(ex.getParameterName()).isEqualTo("count");
		assertThat(ex.getMessage())
			.isEqualTo("Invalid arguments for tool 'everything': 'count' must be an integer, got \"many\"");
	}

	@Test
	void unknownEnumValueNamesTheParameter() {
		ToolArgumentException ex = argumentFailure(callback(new WeatherTools(), "currentWeather"),
				"{\"location\":\"北京\",\"unit\":\"kelvin\"}");
		assertThat(ex.getParameterName()).isEqualTo("unit");
		assertThat(ex.getMessage()).isEqualTo("Invalid arguments for tool 'get_current_weather': 'unit' must be one of"
				+ " [celsius, fahrenheit], got \"kelvin\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"amount":3.9}         | 'amount' must be an integer, got 3.9
			{"amount":-0.5}        | 'amount' must be an integer, got -0.5
			{"amount":3.0}         | 'amount' must be an integer, got 3.0
			{"amount":"3"}         | 'amount' must be an integer, got "3"
			{"amount":true}        | 'amount' must be an integer, got true
			{"amount":1e10}        | 'amount' must be an integer, got 1.0E10
			{"amount":10000000000} | 'amount' is out of range for
			{"confirm":"false"}    | 'confirm' must be true or false, got "false"
			{"confirm":0}          | 'confirm' must be true or false, got 0
			{"confirm":1}          | 'confirm' must be true or false, got 1
			{"note":123}           | 'note' must be a string, got 123
			{"note":1e400}         | 'note' must be a string, got
			{"note":false}         | 'note' must be a string, got false
			{"ratio":"0.5"}        | 'ratio' must be a number, got "0.5"
			{"unit":1}             | 'unit' must be one of [celsius, fahrenheit], got 1
			{"line":{"quantity":2.5}} | 'line.quantity' must be an integer, got 2.5
			{"lines":[{"quantity":1},{"quantity":"2"}]} | 'lines[1].quantity' must be an integer, got "2"
			""")
	void lossyCoercionsAreArgumentErrorsInPlainWords(String arguments, String problem) {
		ToolArgumentException ex = argumentFailure(callback(new StrictTools(), "transfer"), arguments);
		assertThat(ex.getMessage()).startsWith("Invalid arguments for tool 'transfer': " + problem);
		assertThat(ex.getMessage()).doesNotContain("dev.chatstarter").doesNotContain("jackson").doesNotContain("$");
	}

	@Test
	void argumentsNestedTooDeeplyAreAnArgumentErrorWithoutJacksonInternals() {
		String deep = "{\"location\":" + "[".repeat(1001) + "]".repeat(1001) + "}";
		ToolArgumentException ex = argumentFailure(callback(new WeatherTools(), "currentWeather"), deep);
		assertThat(ex.getMessage()).isEqualTo("Invalid arguments for tool 'get_current_weather': the arguments are"
				+ " nested too deeply or hold a number or string that is too long");
	}

	@Test
	void losslessArgumentsOfTheRightKindAreAccepted() {
		StrictTools tools = new StrictTools();
		String result = callback(tools, "transfer").call("""
				{"amount":3,"confirm":false,"note":"123","ratio":2,"unit":"Fahrenheit",
				 "line":{"quantity":1},"lines":[{"quantity":2}]}""").block();
		assertThat(result).isEqualTo("3 false 123 2.0 FAHRENHEIT 1 2");
	}

	@Test
	void errorsOfTheToolFailTheCallAtOnceInsteadOfBeingDroppedByReactor() {
		Bounded.run(Duration.ofSeconds(10), () -> {
			StepVerifier.create(callback(new ErrorTools(), "recurse").call("{}"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ToolErrorException.class)
					.hasMessage("Tool 'recurse' threw java.lang.StackOverflowError")
					.hasCauseInstanceOf(StackOverflowError.class))
				.verify(Duration.ofSeconds(5));
			StepVerifier.create(callback(new ErrorTools(), "reactiveLink").call("{}"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ToolErrorException.class)
					.hasCauseInstanceOf(NoClassDefFoundError.class))
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test
	void blockingMethodRunsOnTheSchedulerNotOnTheCallerThread() {
		ThreadTools tools = new ThreadTools();
		String caller = Thread.currentThread().getName();
		String result = callback(tools, "blocking").call("{}").block();
		assertThat(result).startsWith("tool-test");
		assertThat(result).isNotEqualTo(caller);
	}

	@Test
	void nothingRunsBeforeSubscription() {
		ThreadTools tools = new ThreadTools();
		Mono<String> result = callback(tools, "blocking").call("{}");
		assertThat(tools.calls).hasValue(0);
		result.block();
		assertThat(tools.calls).hasValue(1);
	}

	@Test
	void monoResultIsAwaited() {
		StepVerifier.create(callback(new AsyncTools(), "mono").call("{\"text\":\"hi\"}"))
			.expectNext("{\"echo\":\"hi\"}")
			.verifyComplete();
	}

	@Test
	void completionStageResultIsAwaited() {
		StepVerifier.create(callback(new AsyncTools(), "stage").call("{\"text\":\"hi\"}"))
			.expectNext("HI")
			.verifyComplete();
	}

	@Test
	void voidResultsBecomeDone() {
		AsyncTools tools = new AsyncTools();
		assertThat(callback(tools, "nothing").call("{}").block()).isEqualTo(MethodToolCallback.VOID_RESULT);
		assertThat(callback(tools, "monoVoid").call("{}").block()).isEqualTo("done");
		assertThat(callback(tools, "stageVoid").call("{}").block()).isEqualTo("done");
		assertThat(tools.calls).hasValue(3);
	}

	@Test
	void nullResultOfAValueMethodIsNull() {
		assertThat(callback(new AsyncTools(), "nullValue").call("{}").block()).isEqualTo("null");
	}

	@Test
	void exceptionOfABlockingMethodSurfacesUnwrapped() {
		StepVerifier.create(callback(new FailingTools(), "fails").call("{}"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isExactlyInstanceOf(IllegalStateException.class).hasMessage("boom"))
			.verify();
	}

	@Test
	void checkedExceptionSurfacesUnwrapped() {
		StepVerifier.create(callback(new FailingTools(), "failsChecked").call("{}"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IOException.class).hasMessage("disk"))
			.verify();
	}

	@Test
	void exceptionThrownWhileCreatingAMonoSurfacesUnwrapped() {
		StepVerifier.create(callback(new FailingTools(), "failsBeforeMono").call("{}"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("early"))
			.verify();
	}

	@Test
	void failedMonoSurfacesItsError() {
		StepVerifier.create(callback(new FailingTools(), "failedMono").call("{}"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isExactlyInstanceOf(IllegalStateException.class).hasMessage("late"))
			.verify();
	}

	@Test
	void toolContextIsPassedToTheMethod() {
		MethodToolCallback callback = callback(new ToolSchemaGeneratorTests.ContextTools(), "whoAmI");
		assertThat(callback.call("{\"greeting\":\"hello\"}", ToolContext.of(Map.of("user", "alice"))).block())
			.isEqualTo("hello alice");
		assertThat(callback.call("{\"greeting\":\"hello\"}").block()).isEqualTo("hello null");
	}

	@Test
	void staticMethodsWork() {
		assertThat(callback(new StaticTools(), "twice").call("{\"value\":21}").block()).isEqualTo("42");
	}

	@Test
	void methodWithoutChatToolIsRejected() {
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> callback(new StaticTools(), "helper"))
			.withMessageContaining("StaticTools.helper()")
			.withMessageContaining("not annotated with @ChatTool");
	}

	@Test
	void toStringNamesToolAndMethod() {
		assertThat(callback(new WeatherTools(), "currentWeather"))
			.hasToString("MethodToolCallback[get_current_weather -> dev.chatstarter.core.tool.WeatherTools"
					+ ".currentWeather(String, Unit)]");
	}

	private MethodToolCallback callback(Object bean, String methodName) {
		return new MethodToolCallback(bean, ToolSchemaGeneratorTests.method(bean.getClass(), methodName),
				new ToolSchemaGenerator(), MethodToolCallback.defaultJsonMapper(), this.scheduler);
	}

	private static ToolArgumentException argumentFailure(ToolCallback callback, String arguments) {
		Throwable ex = catchThrowable(() -> callback.call(arguments).block());
		assertThat(ex).isInstanceOf(ToolArgumentException.class);
		return (ToolArgumentException) ex;
	}

	static class StrictTools {

		@ChatTool
		String transfer(@Nullable Integer amount, @Nullable Boolean confirm, @Nullable String note,
				@Nullable Double ratio, WeatherTools.@Nullable Unit unit, @Nullable Item line,
				@Nullable List<Item> lines) {
			return amount + " " + confirm + " " + note + " " + ratio + " " + unit + " "
					+ ((line != null) ? line.quantity() : null) + " "
					+ ((lines != null) ? lines.get(0).quantity() : null);
		}

		record Item(int quantity) {
		}

	}

	static class ErrorTools {

		@ChatTool
		String recurse() {
			return recurse() + "!";
		}

		@ChatTool
		Mono<String> reactiveLink() {
			throw new NoClassDefFoundError("com/example/Missing");
		}

	}

	static class ConversionTools {

		@Nullable Object[] received;

		@ChatTool
		String everything(int count, double ratio, boolean flag, List<String> names, Set<Integer> ids, int[][] matrix,
				Map<String, Double> scores, Line line, List<Line> lines, LocalDate day, Optional<String> maybe,
				@Nullable String nullable, @ToolParam(required = false) long primitive) {
			this.received = new Object[] { count, ratio, flag, names, ids, matrix, scores, line, lines, day, maybe,
					nullable, primitive };
			return "ok";
		}

		@ChatTool
		String optionals(Optional<String> maybe, @Nullable String nullable, @ToolParam(required = false) int number,
				@ToolParam(required = false) boolean flag) {
			this.received = new Object[] { maybe, nullable, number, flag };
			return "ok";
		}

		record Line(String sku, int quantity) {
		}

	}

	static class ThreadTools {

		final AtomicInteger calls = new AtomicInteger();

		@ChatTool
		String blocking() {
			this.calls.incrementAndGet();
			return Thread.currentThread().getName();
		}

	}

	static class AsyncTools {

		final AtomicInteger calls = new AtomicInteger();

		@ChatTool
		Mono<Map<String, String>> mono(String text) {
			return Mono.fromSupplier(() -> Map.of("echo", text));
		}

		@ChatTool
		CompletionStage<String> stage(String text) {
			return CompletableFuture.supplyAsync(text::toUpperCase);
		}

		@ChatTool
		void nothing() {
			this.calls.incrementAndGet();
		}

		@ChatTool
		Mono<Void> monoVoid() {
			return Mono.fromRunnable(this.calls::incrementAndGet);
		}

		@ChatTool
		CompletableFuture<Void> stageVoid() {
			return CompletableFuture.runAsync(this.calls::incrementAndGet);
		}

		@ChatTool
		@Nullable String nullValue() {
			return null;
		}

	}

	static class FailingTools {

		@ChatTool
		String fails() {
			throw new IllegalStateException("boom");
		}

		@ChatTool
		String failsChecked() throws IOException {
			throw new IOException("disk");
		}

		@ChatTool
		Mono<String> failsBeforeMono() {
			throw new IllegalArgumentException("early");
		}

		@ChatTool
		Mono<String> failedMono() {
			return Mono.error(new IllegalStateException("late"));
		}

	}

	static class StaticTools {

		@ChatTool
		static int twice(int value) {
			return value * 2;
		}

		static String helper() {
			return "not a tool";
		}

	}

}
