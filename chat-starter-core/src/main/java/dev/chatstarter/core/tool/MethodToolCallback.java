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

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import dev.chatstarter.core.chat.ToolDefinition;

/**
 * A {@link ToolCallback} that calls a {@link ChatTool} method of a bean.
 * <p>
 * Built once per method: the name, description, parameters and argument types are worked
 * out and checked in the constructor, which fails with a {@link ToolDeclarationException}
 * for a declaration that cannot work; the parameters' JSON schema (from
 * {@link ToolSchemaGenerator}) is built when a call first offers the tool, so that
 * start-up does not pay for it. Spring AOP proxies (CGLIB and JDK) are supported:
 * annotations are read from the target class and the method is invoked through the proxy,
 * so advice (transactions, security, metrics) applies.
 * <p>
 * Each call:
 * <ul>
 * <li>converts the arguments JSON into one value per parameter with Jackson, into the
 * parameter's generic type ({@linkplain #strict(JsonMapper.Builder) strictly} with the
 * default mapper); a missing or {@code null} required argument, invalid JSON or a value
 * that does not fit fails the call with a {@link ToolArgumentException} that says in
 * plain words what is wrong ({@code 'amount' must be an integer, got 3.9}); a missing
 * optional argument becomes {@code null}, {@code Optional.empty()} or the primitive
 * default; unknown arguments are ignored;</li>
 * <li>does the conversion (Jackson, custom deserializers, record constructors) and runs a
 * plain (blocking) method on the scheduler given to the constructor, never on the
 * caller's thread, which may be an event loop; a method returning {@code Mono} or
 * {@code CompletionStage} is invoked there too and its result awaited without
 * blocking;</li>
 * <li>fails at once with a {@link ToolErrorException} when the conversion or the method
 * throws a {@link StackOverflowError}, {@link OutOfMemoryError} or {@link LinkageError},
 * which Reactor would otherwise drop;</li>
 * <li>turns the result into the tool message: a {@code String} as it is,
 * {@code void}/{@code Void} (also as {@code Mono<Void>} or {@code CompletionStage<Void>})
 * as {@value #VOID_RESULT}, {@code null} or empty otherwise as {@code null}, anything
 * else as JSON;</li>
 * <li>lets exceptions of the method through as the error of the returned {@code Mono},
 * unwrapped from {@code InvocationTargetException}; whether the model gets to see them is
 * the caller's decision.</li>
 * </ul>
 */
public final class MethodToolCallback implements ToolCallback {

	/** The tool message of a method without a result. */
	public static final String VOID_RESULT = "done";

	private static final Pattern NAME_PATTERN = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private static final Pattern SOURCE_LOCATION = Pattern
		.compile("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)" + "|\\s*at \\[Source: [^\\]]*\\]");

	private static final int MAX_PARSE_MESSAGE_LENGTH = 1000;

	private static final JsonMapper DEFAULT_JSON_MAPPER = strict(JsonMapper.builder()).build();

	static final ToolSchemaGenerator DEFAULT_SCHEMA_GENERATOR = new ToolSchemaGenerator();

	/** {@link Schedulers#boundedElastic()}, not started before a tool needs it. */
	static final Supplier<Scheduler> BOUNDED_ELASTIC = Schedulers::boundedElastic;

	private final Object bean;

	private final Method method;

	private final Method invocableMethod;

	/**
	 * The bean's class, proxies looked through: the schema generator keeps schemas per
	 * class and method.
	 */
	private final Class<?> targetClass;

	private final String name;

	private final @Nullable String description;

	private final ToolSchemaGenerator schemaGenerator;

	/**
	 * Built on the first call that offers the tool: describing parameters is the costly
	 * part of a tool.
	 */
	private volatile @Nullable ToolDefinition definition;

	private final List<ToolParameter> parameters;

	private final JavaType[] argumentTypes;

	private final ResultKind resultKind;

	private final boolean voidResult;

	private final JsonMapper jsonMapper;

	private final ArgumentProblems argumentProblems;

	/**
	 * Asked for on the first blocking call: Reactor's shared schedulers take tens of
	 * milliseconds to start.
	 */
	private final Supplier<Scheduler> scheduler;

	/**
	 * Create a callback with a default schema generator, a default {@link JsonMapper}
	 * (case-insensitive enums) and {@link Schedulers#boundedElastic()} for blocking
	 * methods.
	 * @param bean the bean (may be a Spring AOP proxy)
	 * @param method the {@link ChatTool} method, declared on the bean's class, a
	 * superclass or an interface
	 * @throws ToolDeclarationException if the method cannot be a tool
	 */
	public MethodToolCallback(Object bean, Method method) {
		this(bean, method, DEFAULT_SCHEMA_GENERATOR, DEFAULT_JSON_MAPPER, BOUNDED_ELASTIC);
	}

	/**
	 * Create a callback.
	 * @param bean the bean (may be a Spring AOP proxy)
	 * @param method the {@link ChatTool} method, declared on the bean's class, a
	 * superclass or an interface
	 * @param schemaGenerator builds the parameters' schema
	 * @param jsonMapper converts arguments and results; enable
	 * {@code MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS} on it to accept enum values in
	 * any case (as {@link #defaultJsonMapper()} does)
	 * @param scheduler runs blocking methods; should be bounded, like
	 * {@link Schedulers#boundedElastic()}
	 * @throws ToolDeclarationException if the method cannot be a tool
	 */
	public MethodToolCallback(Object bean, Method method, ToolSchemaGenerator schemaGenerator, JsonMapper jsonMapper,
			Scheduler scheduler) {
		this(bean, method, schemaGenerator, jsonMapper, given(scheduler));
	}

	/**
	 * Create a callback whose blocking calls run on a scheduler asked for when the first
	 * one is made.
	 * @param bean the bean (may be a Spring AOP proxy)
	 * @param method the {@link ChatTool} method, declared on the bean's class, a
	 * superclass or an interface
	 * @param schemaGenerator builds the parameters' schema
	 * @param jsonMapper converts arguments and results
	 * @param scheduler supplies the scheduler blocking methods run on; asked only when
	 * the first blocking call is made
	 * @throws ToolDeclarationException if the method cannot be a tool
	 */
	MethodToolCallback(Object bean, Method method, ToolSchemaGenerator schemaGenerator, JsonMapper jsonMapper,
			Supplier<Scheduler> scheduler) {
		Assert.notNull(bean, "bean must not be null");
		Assert.notNull(method, "method must not be null");
		Assert.notNull(schemaGenerator, "schemaGenerator must not be null");
		Assert.notNull(jsonMapper, "jsonMapper must not be null");
		Assert.notNull(scheduler, "scheduler must not be null");
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		this.bean = bean;
		this.method = AopUtils.getMostSpecificMethod(method, targetClass);
		this.targetClass = targetClass;
		this.jsonMapper = jsonMapper;
		this.argumentProblems = new ArgumentProblems(jsonMapper);
		this.scheduler = scheduler;
		ChatTool chatTool = AnnotatedElementUtils.findMergedAnnotation(this.method, ChatTool.class);
		if (chatTool == null) {
			throw ToolDeclarationException.forMethod(this.method, "it is not annotated with @ChatTool",
					"Annotate it with @ChatTool or leave it out");
		}
		this.invocableMethod = invocableMethod(bean, this.method);
		this.parameters = ToolParameter.of(this.method, targetClass);
		this.argumentTypes = this.parameters.stream()
			.map((parameter) -> jsonMapper.getTypeFactory().constructType(parameter.type()))
			.toArray(JavaType[]::new);
		ResolvableType returnType = ResolvableType.forMethodReturnType(this.method, targetClass);
		this.resultKind = resultKind(this.method, returnType);
		this.voidResult = isVoid(returnType, this.resultKind);
		this.name = toolName(this.method, chatTool);
		this.description = StringUtils.hasText(chatTool.description()) ? chatTool.description() : null;
		this.schemaGenerator = schemaGenerator;
	}

	static Supplier<Scheduler> given(Scheduler scheduler) {
		Assert.notNull(scheduler, "scheduler must not be null");
		return () -> scheduler;
	}

	/**
	 * Return the mapper used when none is given: Jackson's defaults, case-insensitive
	 * enums and {@linkplain #strict(JsonMapper.Builder) strict coercion}.
	 * @return the mapper
	 */
	public static JsonMapper defaultJsonMapper() {
		return DEFAULT_JSON_MAPPER;
	}

	/**
	 * Configure a mapper to convert tool arguments strictly: a JSON value converts only
	 * into a Java type of its own kind, so that nothing the model sent is silently
	 * changed. Refused (an argument error the model gets back): a fraction into an
	 * integer ({@code 3.9}, {@code -0.5}, and {@code 3.0} too, which Jackson cannot tell
	 * apart without truncating), a string into a number or boolean ({@code "false"},
	 * {@code "12"}), a number into a boolean ({@code 0}, {@code 1}), a number or boolean
	 * into a string ({@code 123}, {@code 1e400}), a number into an enum. Accepted: an
	 * integer into a floating-point type ({@code 3} as {@code 3.0}) and enum values in
	 * any case.
	 * @param builder the builder to configure, e.g. {@code JsonMapper.builder()} or a
	 * copy of the application's mapper ({@code mapper.rebuild()})
	 * @return the builder
	 */
	public static JsonMapper.Builder strict(JsonMapper.Builder builder) {
		return builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Integer,
					(config) -> config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Textual,
					(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	private static Method invocableMethod(Object bean, Method method) {
		if (Modifier.isStatic(method.getModifiers())) {
			ReflectionUtils.makeAccessible(method);
			return method;
		}
		Method invocable;
		try {
			invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		}
		catch (IllegalStateException ex) {
			throw new ToolDeclarationException("Tool method " + ToolDeclarationException.describe(method)
					+ " cannot be called through the proxy of its bean: " + ex.getMessage(), ex);
		}
		if (AopUtils.isCglibProxy(bean) && Modifier.isFinal(invocable.getModifiers())) {
			throw ToolDeclarationException.forMethod(method,
					"it is final, so the CGLIB proxy of its bean cannot pass the call on to the bean",
					"Remove the final modifier");
		}
		ReflectionUtils.makeAccessible(invocable);
		return invocable;
	}

	private static ResultKind resultKind(Method method, ResolvableType returnType) {
		Class<?> resolved = returnType.toClass();
		if (Mono.class.isAssignableFrom(resolved)) {
			return ResultKind.MONO;
		}
		if (CompletionStage.class.isAssignableFrom(resolved)) {
			return ResultKind.COMPLETION_STAGE;
		}
		if (Publisher.class.isAssignableFrom(resolved)) {
			throw ToolDeclarationException.forMethod(method,
					"it returns a " + resolved.getSimpleName() + ", which may emit any number of values",
					"Return a Mono (e.g. flux.collectList()) or a plain value");
		}
		return ResultKind.BLOCKING;
	}

	private static boolean isVoid(ResolvableType returnType, ResultKind resultKind) {
		Class<?> type = (resultKind != ResultKind.BLOCKING) ? returnType.getGeneric(0).toClass() : returnType.toClass();
		return type == void.class || type == Void.class;
	}

	private static String toolName(Method method, ChatTool chatTool) {
		String name = chatTool.name();
		if (name.isEmpty()) {
			name = method.getName();
		}
		if (!StringUtils.hasText(name)) {
			throw ToolDeclarationException.forMethod(method, "its @ChatTool name is blank",
					"Set @ChatTool(name = \"...\") to a name made of letters, digits, '_' or '-'");
		}
		if (!NAME_PATTERN.matcher(name).matches()) {
			throw ToolDeclarationException.forMethod(method,
					"its tool name '" + name + "' is not 1 to 64 letters, digits, '_' or '-' as providers require",
					"Set @ChatTool(name = \"...\") to a name like 'get_current_weather'");
		}
		return name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public ToolDefinition definition() {
		ToolDefinition definition = this.definition;
		if (definition == null) {
			definition = new ToolDefinition(this.name, this.description,
					this.schemaGenerator.generate(this.method, this.targetClass),
					this.schemaGenerator.isStrict() ? Boolean.TRUE : null);
			this.definition = definition;
		}
		return definition;
	}

	/**
	 * Return the tool method, as declared on the bean's class.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * Return the bean the method is called on.
	 * @return the bean, possibly a proxy
	 */
	public Object getBean() {
		return this.bean;
	}

	@Override
	public Mono<String> call(String argumentsJson, ToolContext context) {
		Assert.notNull(context, "context must not be null");
		if (this.resultKind == ResultKind.BLOCKING) {
			return Mono.fromCallable(guarded(() -> toText(invoke(convertArguments(argumentsJson, context)))))
				.subscribeOn(this.scheduler.get());
		}
		return Mono.fromCallable(guarded(() -> invoke(convertArguments(argumentsJson, context))))
			.subscribeOn(this.scheduler.get())
			.flatMap(this::awaitResult)
			.switchIfEmpty(Mono.fromSupplier(() -> toText(null)));
	}

	/**
	 * Wrap what Reactor would treat as fatal and drop (so the call would hang until the
	 * tool timeout) in a {@link ToolErrorException}: a {@link VirtualMachineError} such
	 * as {@link StackOverflowError} or {@link OutOfMemoryError}, or a
	 * {@link LinkageError}, thrown by the conversion or the tool.
	 * @param <T> the type of the work's result
	 * @param work the conversion and invocation of the tool
	 * @return the work, throwing a {@link ToolErrorException} in place of such an error
	 */
	private <T> Callable<T> guarded(Callable<T> work) {
		return () -> {
			try {
				return work.call();
			}
			catch (VirtualMachineError | LinkageError ex) {
				throw new ToolErrorException(name(), ex);
			}
		};
	}

	private Mono<String> awaitResult(Object result) {
		return Mono.defer(() -> {
			Mono<?> mono;
			if (this.resultKind == ResultKind.MONO) {
				mono = (Mono<?>) result;
			}
			else {
				mono = Mono.fromCompletionStage((CompletionStage<?>) result);
			}
			return mono.map(this::toText);
		});
	}

	private Object[] convertArguments(@Nullable String argumentsJson, ToolContext context) {
		JsonNode arguments = parseArguments(argumentsJson);
		Object[] values = new Object[this.parameters.size()];
		for (int i = 0; i < values.length; i++) {
			ToolParameter parameter = this.parameters.get(i);
			if (parameter.context()) {
				values[i] = context;
				continue;
			}
			JsonNode value = arguments.get(parameter.name());
			if (value == null || value.isNull()) {
				if (parameter.required()) {
					throw new ToolArgumentException(name(), parameter.name(), "'" + parameter.name() + "' is required",
							null);
				}
				values[i] = defaultValue(parameter.rawType());
				continue;
			}
			try {
				values[i] = this.jsonMapper.treeToValue(value, this.argumentTypes[i]);
			}
			catch (JacksonException ex) {
				throw new ToolArgumentException(name(), parameter.name(),
						this.argumentProblems.describe(parameter.name(), parameter.type(), value, ex), ex);
			}
		}
		return values;
	}

	private JsonNode parseArguments(@Nullable String argumentsJson) {
		if (argumentsJson == null || argumentsJson.isBlank()) {
			return this.jsonMapper.createObjectNode();
		}
		JsonNode arguments = readTree(argumentsJson);
		if (arguments.isString()) {
			// some models send the arguments object encoded once more, as a JSON string
			arguments = readTree(arguments.stringValue());
		}
		if (arguments.isNull() || arguments.isMissingNode()) {
			return this.jsonMapper.createObjectNode();
		}
		if (!arguments.isObject()) {
			throw new ToolArgumentException(name(), null, "the arguments must be a JSON object, not "
					+ arguments.getNodeType().name().toLowerCase(Locale.ROOT), null);
		}
		return arguments;
	}

	private JsonNode readTree(String json) {
		try {
			return this.jsonMapper.readTree(json);
		}
		catch (StreamConstraintsException ex) {
			throw new ToolArgumentException(name(), null,
					"the arguments are nested too deeply or hold a number or string that is too long", ex);
		}
		catch (JacksonException ex) {
			throw new ToolArgumentException(name(), null, "the arguments are not valid JSON: " + describe(ex), ex);
		}
	}

	/**
	 * Jackson's message without source locations, which mean nothing to the model. The
	 * message quotes the model's arguments, so only its first
	 * {@value #MAX_PARSE_MESSAGE_LENGTH} characters are searched: the pattern's leading
	 * whitespace would make it quadratic on a long run of blanks.
	 * @param ex the failure Jackson reported while reading the arguments
	 * @return the message without source locations, cut after its first
	 * {@value #MAX_PARSE_MESSAGE_LENGTH} characters
	 */
	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message.length() > MAX_PARSE_MESSAGE_LENGTH) {
			message = message.substring(0, MAX_PARSE_MESSAGE_LENGTH) + "...";
		}
		return SOURCE_LOCATION.matcher(message).replaceAll("").strip();
	}

	private static @Nullable Object defaultValue(Class<?> type) {
		if (type == Optional.class) {
			return Optional.empty();
		}
		if (type.isPrimitive()) {
			return Array.get(Array.newInstance(type, 1), 0);
		}
		return null;
	}

	private @Nullable Object invoke(Object[] arguments) throws Exception {
		Object target = Modifier.isStatic(this.invocableMethod.getModifiers()) ? null : this.bean;
		try {
			return this.invocableMethod.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw ex;
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call tool method " + ToolDeclarationException.describe(this.method),
					ex);
		}
	}

	private String toText(@Nullable Object result) {
		if (result == null) {
			return this.voidResult ? VOID_RESULT : "null";
		}
		if (result instanceof String text) {
			return text;
		}
		try {
			return this.jsonMapper.writeValueAsString(result);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The result of tool '" + name() + "' (" + result.getClass().getName()
					+ ") cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public String toString() {
		return "MethodToolCallback[" + name() + " -> " + ToolDeclarationException.describe(this.method) + "]";
	}

	private enum ResultKind {

		BLOCKING, MONO, COMPLETION_STAGE

	}

}
