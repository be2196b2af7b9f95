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

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ToolCallbacksTests {

	@Test
	void everyChatToolMethodBecomesACallbackOrderedByName() {
		List<ToolCallback> callbacks = ToolCallbacks.fromBean(new TwoTools());
		assertThat(callbacks).extracting(ToolCallback::name).containsExactly("alpha", "beta");
		assertThat(callbacks.get(0).call("{}").block()).isEqualTo("a");
	}

	@Test
	void beanWithoutToolsGivesNoCallbacks() {
		assertThat(ToolCallbacks.fromBean(new Object())).isEmpty();
	}

	@Test
	void cglibProxyIsCalledThroughTheProxySoAdviceRuns() {
		AtomicInteger advised = new AtomicInteger();
		ProxyFactory factory = new ProxyFactory(new WeatherTools());
		factory.setProxyTargetClass(true);
		factory.addAdvice(counting(advised));
		Object proxy = factory.getProxy();
		assertThat(AopUtils.isCglibProxy(proxy)).isTrue();

		List<ToolCallback> callbacks = ToolCallbacks.fromBean(proxy);

		assertThat(callbacks).extracting(ToolCallback::name).containsExactly("get_current_weather");
		assertThat(callbacks.get(0).definition().parameters()).containsEntry("required", List.of("location"));
		assertThat(callbacks.get(0).call("{\"location\":\"北京\"}").block()).contains("北京");
		assertThat(advised).hasValue(1);
	}

	@Test
	void jdkProxyWithAnnotationsOnTheInterface() {
		AtomicInteger advised = new AtomicInteger();
		ProxyFactory factory = new ProxyFactory(new EnglishGreeter());
		factory.addInterface(Greeter.class);
		factory.addAdvice(counting(advised));
		Object proxy = factory.getProxy();
		assertThat(AopUtils.isJdkDynamicProxy(proxy)).isTrue();

		List<ToolCallback> callbacks = ToolCallbacks.fromBean(proxy);

		assertThat(callbacks).extracting(ToolCallback::name).containsExactly("greet");
		assertThat(callbacks.get(0).definition().description()).isEqualTo("Greets someone");
		assertThat(callbacks.get(0).definition().parameters()).isEqualTo(ToolSchemaGeneratorTests.json("""
				{"type":"object","properties":{"name":{"type":"string","description":"who to greet"}},
				 "required":["name"]}
				"""));
		assertThat(callbacks.get(0).call("{\"name\":\"Ada\"}").block()).isEqualTo("Hello Ada");
		assertThat(advised).hasValue(1);
	}

	@Test
	void annotationOnAnOverriddenSuperclassMethodIsFound() {
		List<ToolCallback> callbacks = ToolCallbacks.fromBean(new LoudTools());
		assertThat(callbacks).extracting(ToolCallback::name).containsExactly("shout");
		assertThat(callbacks.get(0).call("{\"text\":\"hi\"}").block()).isEqualTo("HI!");
	}

	@Test
	void privateMethodOfAProxiedBeanIsRejected() {
		ProxyFactory factory = new ProxyFactory(new PrivateTools());
		factory.setProxyTargetClass(true);
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(factory.getProxy()))
			.withMessageContaining("PrivateTools.secret()")
			.withMessageContaining("proxy");
	}

	@Test
	void privateMethodOfAPlainBeanWorks() {
		assertThat(ToolCallbacks.fromBean(new PrivateTools()).get(0).call("{}").block()).isEqualTo("42");
	}

	@Test
	void finalMethodOfACglibProxiedBeanIsRejected() {
		ProxyFactory factory = new ProxyFactory(new FinalTools());
		factory.setProxyTargetClass(true);
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(factory.getProxy()))
			.withMessageContaining("FinalTools.locked()")
			.withMessageContaining("final")
			.withMessageContaining("Remove the final modifier");
	}

	@Test
	void duplicateNamesWithinABeanNameBothMethods() {
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(new DuplicateTools()))
			.withMessageContaining(DuplicateTools.class.getName())
			.withMessageContaining("two tools named 'lookup'")
			.withMessageContaining("DuplicateTools.first(String)")
			.withMessageContaining("DuplicateTools.second(int)")
			.withMessageContaining("@ChatTool(name = \"...\")");
	}

	@Test
	void blankNameIsRejected() {
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(new BlankNameTools()))
			.withMessageContaining("BlankNameTools.blank()")
			.withMessageContaining("name is blank");
	}

	@Test
	void nameWithInvalidCharactersIsRejected() {
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(new BadNameTools()))
			.withMessageContaining("'get weather'")
			.withMessageContaining("get_current_weather");
	}

	@Test
	void parameterTypesThatCannotBeDescribedAreRejected() {
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(new ObjectParameterTools()))
			.withMessageContaining("ObjectParameterTools.anything(Object)")
			.withMessageContaining("parameter 'value' of type java.lang.Object");
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(new StreamParameterTools()))
			.withMessageContaining("StreamParameterTools.upload(InputStream)")
			.withMessageContaining("cannot be passed as JSON");
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(new NestedFluxParameterTools()))
			.withMessageContaining("parameter 'values'")
			.withMessageContaining("cannot be passed as JSON");
	}

	@Test
	void fluxResultIsRejected() {
		assertThatExceptionOfType(ToolDeclarationException.class)
			.isThrownBy(() -> ToolCallbacks.fromBean(new FluxTools()))
			.withMessageContaining("FluxTools.many()")
			.withMessageContaining("Return a Mono");
	}

	@Test
	void missingParameterNamesAreReportedWithTheFix(@TempDir Path dir) throws Exception {
		Path source = dir.resolve("NoNames.java");
		Files.writeString(source, """
				public class NoNames {
					@dev.chatstarter.core.tool.ChatTool
					public String echo(String text) {
						return text;
					}
				}
				""");
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		String classes = Path.of(ChatTool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		int status = compiler.run(null, null, null, "-classpath", classes, "-d", dir.toString(), source.toString());
		assertThat(status).isZero();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
				getClass().getClassLoader())) {
			Object bean = loader.loadClass("NoNames").getConstructor().newInstance();
			assertThatExceptionOfType(ToolDeclarationException.class).isThrownBy(() -> ToolCallbacks.fromBean(bean))
				.withMessageContaining("NoNames.echo(String)")
				.withMessageContaining("-parameters");
		}
	}

	private static MethodInterceptor counting(AtomicInteger counter) {
		return (invocation) -> {
			counter.incrementAndGet();
			return invocation.proceed();
		};
	}

	static class TwoTools {

		@ChatTool
		String beta() {
			return "b";
		}

		@ChatTool
		String alpha() {
			return "a";
		}

		String notATool() {
			return "x";
		}

	}

	interface Greeter {

		@ChatTool(description = "Greets someone")
		String greet(@ToolParam(description = "who to greet") String name);

	}

	static class EnglishGreeter implements Greeter {

		@Override
		public String greet(String name) {
			return "Hello " + name;
		}

	}

	static class QuietTools {

		@ChatTool
		String shout(String text) {
			return text;
		}

	}

	static class LoudTools extends QuietTools {

		@Override
		String shout(String text) {
			return text.toUpperCase() + "!";
		}

	}

	static class PrivateTools {

		@ChatTool
		private String secret() {
			return "42";
		}

	}

	static class FinalTools {

		@ChatTool
		final String locked() {
			return "locked";
		}

	}

	static class DuplicateTools {

		@ChatTool(name = "lookup")
		String first(String key) {
			return key;
		}

		@ChatTool(name = "lookup")
		String second(int id) {
			return String.valueOf(id);
		}

	}

	static class BlankNameTools {

		@ChatTool(name = "  ")
		String blank() {
			return "";
		}

	}

	static class BadNameTools {

		@ChatTool(name = "get weather")
		String weather() {
			return "";
		}

	}

	static class ObjectParameterTools {

		@ChatTool
		String anything(Object value) {
			return String.valueOf(value);
		}

	}

	static class StreamParameterTools {

		@ChatTool
		String upload(InputStream data) {
			return "";
		}

	}

	static class NestedFluxParameterTools {

		@ChatTool
		String sum(List<Flux<Integer>> values) {
			return "";
		}

	}

	static class FluxTools {

		@ChatTool
		Flux<String> many() {
			return Flux.just("a", "b");
		}

	}

}
