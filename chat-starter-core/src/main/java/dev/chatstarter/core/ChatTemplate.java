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

package dev.chatstarter.core;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MimeType;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import dev.chatstarter.core.chat.ChatMessage;
import dev.chatstarter.core.chat.ChatOptions;
import dev.chatstarter.core.chat.ChatResponse;
import dev.chatstarter.core.cost.Budget;
import dev.chatstarter.core.cost.BudgetState;
import dev.chatstarter.core.cost.CostSettings;
import dev.chatstarter.core.http.ApiKeyPool;
import dev.chatstarter.core.http.ChatTransport;
import dev.chatstarter.core.http.ConnectionPoolSettings;
import dev.chatstarter.core.http.HttpSettings;
import dev.chatstarter.core.http.HttpVersion;
import dev.chatstarter.core.http.KeyPoolState;
import dev.chatstarter.core.http.RetryListener;
import dev.chatstarter.core.http.RetryPolicy;
import dev.chatstarter.core.image.ImageRequest;
import dev.chatstarter.core.image.ImageResult;
import dev.chatstarter.core.model.ModelAliases;
import dev.chatstarter.core.model.ModelInfo;
import dev.chatstarter.core.observation.ChatObservationConvention;
import dev.chatstarter.core.observation.ChatObservationSettings;
import dev.chatstarter.core.observation.ToolObservationConvention;
import dev.chatstarter.core.provider.ProviderDialect;
import dev.chatstarter.core.resilience.CooldownPolicy;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.resilience.FallbackListener;
import dev.chatstarter.core.resilience.FallbackTrigger;
import dev.chatstarter.core.resilience.ProviderLimits;
import dev.chatstarter.core.resilience.ResilienceSettings;
import dev.chatstarter.core.route.RouteState;
import dev.chatstarter.core.route.RouteStrategy;
import dev.chatstarter.core.stream.ChatChunk;
import dev.chatstarter.core.tool.ToolCallback;
import dev.chatstarter.core.tool.ToolErrorConverter;
import dev.chatstarter.core.tool.ToolExecutionListener;
import dev.chatstarter.core.tool.ToolExecutionOptions;
import dev.chatstarter.core.tool.ToolRegistry;
import dev.chatstarter.core.tool.ToolSettings;

/**
 * A client for one OpenAI-compatible provider: chat completions (blocking, reactive and
 * streaming), the model list and image generation. Instances are immutable and
 * thread-safe; {@link #mutate()} derives a variant.
 *
 * <pre class="code">
 * String answer = chat.prompt().system("You are terse.").user("你好").call().content();
 * Flux&lt;String&gt; tokens = chat.prompt("Tell a story").stream().content();
 * </pre>
 *
 * Every call runs as one reactive pipeline on Reactor Netty; the blocking methods
 * subscribe to it and wait, so they must not be called on an event-loop thread. Failures
 * are {@link dev.chatstarter.core.error.ChatException}s.
 */
public interface ChatTemplate extends AutoCloseable {

	/**
	 * Return the configured name of this provider, e.g. {@code kuai}.
	 * @return the provider name
	 */
	String provider();

	/**
	 * Return the options every call starts from.
	 * @return the default options
	 */
	ChatOptions defaultOptions();

	/**
	 * Start a chat completion request.
	 * @return a new prompt spec
	 */
	PromptSpec prompt();

	/**
	 * Start a chat completion request with a user message.
	 * @param userText the user's text
	 * @return a new prompt spec
	 */
	PromptSpec prompt(String userText);

	/**
	 * List the provider's models ({@code GET /v1/models}), blocking.
	 * @return the models
	 */
	List<ModelInfo> models();

	/**
	 * List the provider's models ({@code GET /v1/models}).
	 * @return the models, when they arrive
	 */
	Mono<List<ModelInfo>> modelsMono();

	/**
	 * Return the image generation operations.
	 * @return the image operations
	 */
	ImageOperations images();

	/**
	 * Return a builder initialised with this template's settings, to derive a variant.
	 * @return a new builder
	 */
	Builder mutate();

	/**
	 * Release the connection pool this template created. Templates made by
	 * {@link #mutate()} share their origin's pool and leave it open, as does a template
	 * given a pool with {@link Builder#connectionProvider}. Spring closes the templates
	 * it manages when the context closes; close a template you built yourself when you
	 * are done with it, and do not use it afterwards.
	 */
	@Override
	void close();

	/**
	 * Return the cooldown (circuit breaker) state of this provider, e.g. for a health
	 * check.
	 * @return the state; {@link CooldownState#CLOSED} for templates without a cooldown
	 */
	default CooldownState cooldownState() {
		return CooldownState.CLOSED;
	}

	/**
	 * Return the state of this provider's API key pool, e.g. for a health check: how many
	 * keys serve, cool down or are taken out. It holds no key material.
	 * @return the state, or {@code null} when the provider has one API key or none
	 */
	default @Nullable KeyPoolState keyPoolState() {
		return null;
	}

	/**
	 * Return the state of this provider's budget in its current period, e.g. for a health
	 * check: the limit, what was spent and what is left.
	 * @return the state, or {@code null} when the provider has no budget
	 */
	default @Nullable BudgetState budgetState() {
		return null;
	}

	/**
	 * Return the state of this route and its deployments, e.g. for a health check.
	 * @return the state, or {@code null} when this template is not a route
	 */
	default @Nullable RouteState routeState() {
		return null;
	}

	/**
	 * Start building a template.
	 * @return a new builder
	 */
	static Builder builder() {
		return new DefaultChatTemplateBuilder();
	}

	/**
	 * Start building a route: a template that spreads calls over deployments of other
	 * templates (a provider and a model each) by a {@link RouteStrategy}, and moves a
	 * failed call on to another deployment.
	 *
	 * <pre class="code">
	 * ChatTemplate smart = ChatTemplate.route("smart")
	 *     .deployment(aigc, "gpt-4.1", 3)
	 *     .deployment(lalc, "gpt-4.1", 1)
	 *     .build();
	 * </pre>
	 * @param name the route's name, used like a provider name in exceptions, logs and
	 * metrics
	 * @return a new builder
	 */
	static RouteBuilder route(String name) {
		return new DefaultRouteBuilder(name);
	}

	/**
	 * Builds one chat completion request. A spec is used once, by one thread.
	 */
	interface PromptSpec {

		/**
		 * Add a system message.
		 * @param text the instructions
		 * @return this spec
		 */
		PromptSpec system(String text);

		/**
		 * Add a developer message.
		 * @param text the instructions
		 * @return this spec
		 */
		PromptSpec developer(String text);

		/**
		 * Add a user message.
		 * @param text the user's text
		 * @return this spec
		 */
		PromptSpec user(String text);

		/**
		 * Add a user message with text and images.
		 * @param user builds the message
		 * @return this spec
		 */
		PromptSpec user(Consumer<UserSpec> user);

		/**
		 * Add an assistant message (a previous answer).
		 * @param text the answer
		 * @return this spec
		 */
		PromptSpec assistant(String text);

		/**
		 * Add a message of any role.
		 * @param message the message
		 * @return this spec
		 */
		PromptSpec message(ChatMessage message);

		/**
		 * Add messages, e.g. a conversation history.
		 * @param messages the messages
		 * @return this spec
		 */
		PromptSpec messages(List<ChatMessage> messages);

		/**
		 * Set options for this call; they override the template's defaults.
		 * @param options the options
		 * @return this spec
		 */
		PromptSpec options(ChatOptions options);

		/**
		 * Set options for this call; they override the template's defaults.
		 * @param options customizes the options
		 * @return this spec
		 */
		PromptSpec options(Consumer<ChatOptions.Builder> options);

		/**
		 * Offer tools by name, from the template's tool registry (the {@code @ChatTool}
		 * methods of the application's beans). The template runs the tool-call loop
		 * itself.
		 * @param names the tool names
		 * @return this spec
		 * @throws IllegalArgumentException if a name is unknown
		 */
		PromptSpec tools(String... names);

		/**
		 * Offer tools given as callbacks.
		 * @param tools the tools
		 * @return this spec
		 */
		PromptSpec tools(ToolCallback... tools);

		/**
		 * Offer every {@code @ChatTool} method of the given objects.
		 * @param toolObjects beans or plain objects with {@code @ChatTool} methods
		 * @return this spec
		 */
		PromptSpec toolsFrom(Object... toolObjects);

		/**
		 * Add an attribute to the context passed to tools (e.g. the current user); never
		 * sent to the model.
		 * @param name the attribute name
		 * @param value the value
		 * @return this spec
		 */
		PromptSpec toolContext(String name, Object value);

		/**
		 * Set the longest this call may take, overriding the template's
		 * {@linkplain Builder#callTimeout(Duration) call timeout}: every retry, fallback
		 * and tool round, and the whole of a stream. When it passes, the call is
		 * cancelled and fails with a
		 * {@link dev.chatstarter.core.error.ChatTimeoutException}.
		 * @param timeout the timeout, positive
		 * @return this spec
		 */
		PromptSpec timeout(Duration timeout);

		/**
		 * Send this call with its own API key (a tenant's), in place of the template's
		 * key or key pool. It goes on the template's connection pool, only to this
		 * template's provider (a fallback to another provider sends that provider's key),
		 * and is redacted from the call's errors like a configured key.
		 * @param apiKey the key, sent like the template's
		 * @return this spec
		 */
		PromptSpec apiKey(String apiKey);

		/**
		 * Send a header with this call's requests, in addition to (or in place of) the
		 * template's. A credential header's value is redacted from the call's errors.
		 * @param name the header's name
		 * @param value the header's value
		 * @return this spec
		 */
		PromptSpec header(String name, String value);

		/**
		 * Set the longest wait for the first byte of each answer of this call, overriding
		 * the template's {@linkplain Builder#responseTimeout(Duration) response timeout}.
		 * @param responseTimeout the timeout, positive
		 * @return this spec
		 */
		PromptSpec responseTimeout(Duration responseTimeout);

		/**
		 * Send the request and wait for the whole answer.
		 * @return the call's result
		 */
		CallResponseSpec call();

		/**
		 * Send the request with {@code stream: true} and receive the answer as it is
		 * generated.
		 * @return the stream's result
		 */
		StreamResponseSpec stream();

	}

	/**
	 * Builds a user message of several parts.
	 */
	interface UserSpec {

		/**
		 * Add a text part.
		 * @param text the text
		 * @return this spec
		 */
		UserSpec text(String text);

		/**
		 * Add an image by URL.
		 * @param url the image URL
		 * @return this spec
		 */
		UserSpec image(URI url);

		/**
		 * Add an image by URL with a detail level.
		 * @param url the image URL
		 * @param detail {@code low}, {@code high} or {@code auto}
		 * @return this spec
		 */
		UserSpec image(URI url, @Nullable String detail);

		/**
		 * Add an image from bytes, sent as a base64 data URL.
		 * @param data the image bytes
		 * @param mimeType the image type
		 * @return this spec
		 */
		UserSpec image(byte[] data, MimeType mimeType);

		/**
		 * Add an image from a resource, sent as a base64 data URL; the type is guessed
		 * from the file name.
		 * @param resource the image
		 * @return this spec
		 */
		UserSpec image(Resource resource);

		/**
		 * Set the participant name of the message.
		 * @param name the name
		 * @return this spec
		 */
		UserSpec name(String name);

	}

	/**
	 * The result of a non-streaming call, blocking or reactive. Nothing is sent until one
	 * of the methods is called.
	 */
	interface CallResponseSpec {

		/**
		 * Wait for the whole response.
		 * @return the response
		 */
		ChatResponse response();

		/**
		 * Wait for the answer's text.
		 * @return the first choice's text, or {@code null} when it has none
		 */
		@Nullable String content();

		/**
		 * The whole response, when it arrives.
		 * @return the response
		 */
		Mono<ChatResponse> responseMono();

		/**
		 * The answer's text, when it arrives.
		 * @return the first choice's text; empty when it has none
		 */
		Mono<String> contentMono();

		/**
		 * Ask for structured output and wait for it: the request carries the type's JSON
		 * schema (as {@code response_format} or in the prompt, as the provider's dialect
		 * says) and the answer is parsed into the type.
		 * @param <T> the type
		 * @param type the type to answer with
		 * @return the parsed answer
		 * @throws dev.chatstarter.core.output.StructuredOutputException if the answer
		 * does not fit the type (it carries the raw text)
		 */
		<T> T entity(Class<T> type);

		/**
		 * Ask for structured output of a generic type and wait for it.
		 * @param <T> the type
		 * @param type the type to answer with, e.g. {@code new
		 * ParameterizedTypeReference<List<Step>>() {}}
		 * @return the parsed answer
		 */
		<T> T entity(ParameterizedTypeReference<T> type);

		/**
		 * Ask for structured output.
		 * @param <T> the type
		 * @param type the type to answer with
		 * @return the parsed answer, when it arrives
		 */
		<T> Mono<T> entityMono(Class<T> type);

		/**
		 * Ask for structured output of a generic type.
		 * @param <T> the type
		 * @param type the type to answer with
		 * @return the parsed answer, when it arrives
		 */
		<T> Mono<T> entityMono(ParameterizedTypeReference<T> type);

	}

	/**
	 * The result of a streaming call. Nothing is sent until one of the publishers is
	 * subscribed to. A stream that ends without a finish reason fails with
	 * {@link dev.chatstarter.core.error.ChatIncompleteStreamException}.
	 */
	interface StreamResponseSpec {

		/**
		 * The text fragments of the first choice, as they arrive. Without tools, the
		 * chunks are not folded into a response.
		 * @return the fragments
		 */
		Flux<String> content();

		/**
		 * Every chunk, as it arrives. Without tools, the chunks are not folded into a
		 * response.
		 * @return the chunks
		 */
		Flux<ChatChunk> chunks();

		/**
		 * The stream folded into the response a blocking call would return, tool calls
		 * assembled.
		 * @return the aggregated response
		 */
		Mono<ChatResponse> response();

	}

	/**
	 * Image generation ({@code POST /v1/images/generations}).
	 */
	interface ImageOperations {

		/**
		 * Generate images, blocking.
		 * @param request the request
		 * @return the images
		 */
		ImageResult generate(ImageRequest request);

		/**
		 * Generate images.
		 * @param request the request
		 * @return the images, when they arrive
		 */
		Mono<ImageResult> generateMono(ImageRequest request);

	}

	/**
	 * Builds a route: a {@link ChatTemplate} over deployments of provider templates. At
	 * least one deployment is required. Each deployment keeps its provider's dialect,
	 * timeouts, headers, retries, key pool, cooldown and limits; the route adds the
	 * choice of deployment, the failover between them, its own fallbacks and a tool loop
	 * that runs once above them.
	 */
	interface RouteBuilder {

		/**
		 * Set how the route picks the first deployment of each call.
		 * @param strategy the strategy; {@link RouteStrategy#WEIGHTED} when not set
		 * @return this builder
		 */
		RouteBuilder strategy(RouteStrategy strategy);

		/**
		 * Add a deployment named {@code provider/model} (or the provider's name when no
		 * model is given).
		 * @param provider the template of the provider, built by {@link #builder()}
		 * @param model the model asked of it, or {@code null} for the provider's default;
		 * the provider's model aliases apply
		 * @param weight its weight, at least 1
		 * @return this builder
		 */
		RouteBuilder deployment(ChatTemplate provider, @Nullable String model, int weight);

		/**
		 * Add a named deployment.
		 * @param name the deployment's name, unique within the route
		 * @param provider the template of the provider, built by {@link #builder()}
		 * @param model the model asked of it, or {@code null} for the provider's default;
		 * the provider's model aliases apply
		 * @param weight its weight, at least 1
		 * @return this builder
		 */
		RouteBuilder deployment(String name, ChatTemplate provider, @Nullable String model, int weight);

		/**
		 * Add a named deployment with client-side limits of its own, besides its
		 * provider's, such as a model's own rate limit on a provider shared by several
		 * deployments. A call over them fails over to another deployment. They are
		 * counted for all replicas when the provider's template shares state
		 * ({@link ResilienceSettings#sharedState()}).
		 * @param name the deployment's name, unique within the route
		 * @param provider the template of the provider, built by {@link #builder()}
		 * @param model the model asked of it, or {@code null} for the provider's default
		 * @param weight its weight, at least 1
		 * @param limits the deployment's own limits
		 * @return this builder
		 */
		RouteBuilder deployment(String name, ChatTemplate provider, @Nullable String model, int weight,
				ProviderLimits limits);

		/**
		 * Set the options every call of the route starts from; each deployment fills in
		 * what they leave unset from its provider's defaults.
		 * @param options the options
		 * @return this builder
		 */
		RouteBuilder defaultOptions(ChatOptions options);

		/**
		 * Customize the route's tools and how they run: the tool loop runs above the
		 * route, so each round may be answered by another deployment.
		 * @param tools customizes the tool settings
		 * @return this builder
		 */
		RouteBuilder tools(Consumer<ToolSettings.Builder> tools);

		/**
		 * Customize how the route's tool executions are observed; each deployment
		 * observes its own calls.
		 * @param observations customizes the observation settings
		 * @return this builder
		 */
		RouteBuilder observations(Consumer<ChatObservationSettings.Builder> observations);

		/**
		 * Set the templates a call moves to when every deployment failed or none serves,
		 * in order.
		 * @param fallbacks the fallbacks
		 * @return this builder
		 */
		RouteBuilder fallback(ChatTemplate... fallbacks);

		/**
		 * Set the failures that move a call to another deployment and then to the
		 * fallbacks (a deployment that cools down or has no API key left always does).
		 * @param triggers the failures; all of {@link FallbackTrigger} when not set
		 * @return this builder
		 */
		RouteBuilder failoverOn(FallbackTrigger... triggers);

		/**
		 * Set the listener told of every move to another deployment (with the
		 * deployments' names) and to a fallback (with the route's and the fallback's).
		 * @param listener the listener
		 * @return this builder
		 */
		RouteBuilder fallbackListener(FallbackListener listener);

		/**
		 * Cap what the route's calls may spend per period, as the providers of its
		 * deployments price them ({@link dev.chatstarter.core.cost.Pricing}); once it is
		 * spent, calls fail with a
		 * {@link dev.chatstarter.core.error.ChatBudgetExceededException} or, as the
		 * budget says, go to the route's fallbacks. Counted for all replicas when the
		 * deployments' providers share state.
		 * @param budget the budget, or {@code null} for none
		 * @return this builder
		 */
		RouteBuilder budget(@Nullable Budget budget);

		/**
		 * Build the route.
		 * @return the route, a template whose {@link ChatTemplate#provider()} is the
		 * route's name
		 */
		ChatTemplate build();

	}

	/**
	 * Builds a {@link ChatTemplate}. Only the base URL is required.
	 */
	interface Builder {

		/**
		 * Set the provider's name, used in exceptions, logs and metrics.
		 * @param provider the name; {@code default} when not set
		 * @return this builder
		 */
		Builder provider(String provider);

		/**
		 * Set the base URL: {@code https://host}, {@code https://host/} and
		 * {@code https://host/v1} all reach {@code https://host/v1/...}; a URL with
		 * another path is used as given.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		Builder baseUrl(String baseUrl);

		/**
		 * Set the API key, sent as {@code Authorization: Bearer ...}; none is sent when
		 * {@code null} or blank. Surrounding whitespace (the trailing newline of a key
		 * read from a file) is stripped; the stripped key is what is sent and what is
		 * masked in exception messages.
		 * @param apiKey the key
		 * @return this builder
		 */
		Builder apiKey(@Nullable String apiKey);

		/**
		 * Use a pool of API keys in place of one key: each request takes a key as the
		 * pool's selection says, a rate-limited key cools down while the others serve,
		 * and a rejected or exhausted key is taken out (see {@link ApiKeyPool}).
		 * @param keyPool the pool, or {@code null} for none
		 * @return this builder
		 */
		Builder keyPool(@Nullable ApiKeyPool keyPool);

		/**
		 * Set the options every call starts from.
		 * @param options the options
		 * @return this builder
		 */
		Builder defaultOptions(ChatOptions options);

		/**
		 * Customize the options every call starts from.
		 * @param options customizes the current default options
		 * @return this builder
		 */
		Builder defaultOptions(Consumer<ChatOptions.Builder> options);

		/**
		 * Add a header sent with every request. The values of headers whose names are
		 * credentials
		 * ({@link dev.chatstarter.core.error.CredentialHeaders#isCredential(String)}) are
		 * masked in exception messages like the API key.
		 * @param name the header name
		 * @param values the values
		 * @return this builder
		 */
		Builder defaultHeader(String name, String... values);

		/**
		 * Customize the headers sent with every request.
		 * @param headers customizes the headers
		 * @return this builder
		 */
		Builder defaultHeaders(Consumer<HttpHeaders> headers);

		/**
		 * Set the connect timeout.
		 * @param timeout the timeout; 10 s by default
		 * @return this builder
		 */
		Builder connectTimeout(Duration timeout);

		/**
		 * Set the response timeout: the longest wait for the first byte of the answer.
		 * @param timeout the timeout; 60 s by default
		 * @return this builder
		 */
		Builder responseTimeout(Duration timeout);

		/**
		 * Set the stream idle timeout: the longest silence between two chunks (or body
		 * parts) once the answer started. In a stream, only events with data count:
		 * keep-alive comments do not, so a stream that sends nothing else ends after this
		 * timeout. It bounds no total: see {@link #callTimeout(Duration)}.
		 * @param timeout the timeout; 120 s by default
		 * @return this builder
		 */
		Builder streamIdleTimeout(Duration timeout);

		/**
		 * Set the retry policy.
		 * @param retryPolicy the policy; {@link RetryPolicy#defaults()} by default
		 * @return this builder
		 */
		Builder retryPolicy(RetryPolicy retryPolicy);

		/**
		 * Set the provider's dialect switches.
		 * @param dialect the dialect; {@link ProviderDialect#openAi()} by default
		 * @return this builder
		 */
		Builder dialect(ProviderDialect dialect);

		/**
		 * Set the provider's names for models: a call that names an alias sends the id it
		 * stands for; other names pass through (see {@link ModelAliases}).
		 * @param aliases the model id (or another alias) of each alias; empty for none
		 * @return this builder
		 * @throws IllegalArgumentException if an alias or id is blank or the aliases form
		 * a cycle
		 */
		Builder modelAliases(Map<String, String> aliases);

		/**
		 * Set the HTTP version.
		 * @param httpVersion the version; {@link HttpVersion#HTTP_1_1} by default
		 * @return this builder
		 */
		Builder httpVersion(HttpVersion httpVersion);

		/**
		 * Customize every HTTP setting at once (base URL, key, headers, timeouts,
		 * retries, HTTP version, size limits, call timeout): the group the convenience
		 * setters above and below set one by one.
		 * @param http customizes the provider's HTTP settings
		 * @return this builder
		 */
		Builder http(Consumer<HttpSettings.Builder> http);

		/**
		 * Customize every tool setting at once (registry, default tools, execution,
		 * listener, error converter): the group {@link #toolRegistry(ToolRegistry)},
		 * {@link #defaultTools(String...)}, {@link #toolExecution(ToolExecutionOptions)},
		 * {@link #toolExecutionListener(ToolExecutionListener)} and
		 * {@link #toolErrorConverter(ToolErrorConverter)} set one by one.
		 * @param tools customizes the tool settings
		 * @return this builder
		 */
		Builder tools(Consumer<ToolSettings.Builder> tools);

		/**
		 * Customize every observation setting at once (registry, call and tool
		 * conventions): the group {@link #observationRegistry(ObservationRegistry)},
		 * {@link #observationConvention(ChatObservationConvention)} and
		 * {@link #toolObservationConvention(ToolObservationConvention)} set one by one.
		 * @param observations customizes the observation settings
		 * @return this builder
		 */
		Builder observations(Consumer<ChatObservationSettings.Builder> observations);

		/**
		 * Customize every resilience setting at once (fallback triggers and listeners,
		 * cooldown, limits, clock): the group {@link #fallbackOn(FallbackTrigger...)},
		 * {@link #fallbackListener(FallbackListener)}, {@link #cooldown(CooldownPolicy)},
		 * {@link #limits(ProviderLimits)} and {@link #clock(InstantSource)} set one by
		 * one. The fallback templates themselves are set with
		 * {@link #fallback(ChatTemplate...)}.
		 * @param resilience customizes the resilience settings
		 * @return this builder
		 */
		Builder resilience(Consumer<ResilienceSettings.Builder> resilience);

		/**
		 * Customize what calls cost and how much the provider may spend: its
		 * {@link dev.chatstarter.core.cost.Pricing} per model, its
		 * {@link dev.chatstarter.core.cost.Budget} per period and the listeners told of
		 * each call's cost.
		 * @param cost customizes the cost settings
		 * @return this builder
		 */
		Builder cost(Consumer<CostSettings.Builder> cost);

		/**
		 * Set how requests are sent:
		 * {@link dev.chatstarter.core.http.ReactorNettyTransport} (the default, straight
		 * on Reactor Netty, customizable for TLS or a proxy) or
		 * {@link dev.chatstarter.core.http.WebClientTransport} (through an application's
		 * {@code WebClient.Builder}, with its filters and observations; needs
		 * {@code spring-webflux}).
		 * @param transport the transport
		 * @return this builder
		 */
		Builder transport(ChatTransport transport);

		/**
		 * Set the Jackson mapper used to read and write the provider's JSON.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		Builder jsonMapper(JsonMapper jsonMapper);

		/**
		 * Set the tools that calls may offer by name.
		 * @param toolRegistry the registry
		 * @return this builder
		 */
		Builder toolRegistry(ToolRegistry toolRegistry);

		/**
		 * Set the tools that calls may offer by name, looked up when a call first needs
		 * them (e.g. when the tools are beans discovered once the application context is
		 * ready). The default tools are then checked at their first use rather than by
		 * {@link #build()}.
		 * @param toolRegistry supplies the registry
		 * @return this builder
		 */
		Builder toolRegistry(Supplier<ToolRegistry> toolRegistry);

		/**
		 * Set the tools offered to every call of this template (names from the tool
		 * registry); none by default.
		 * @param names the tool names
		 * @return this builder
		 */
		Builder defaultTools(String... names);

		/**
		 * Set how the tool-call loop runs.
		 * @param options the round limit, error handling and tool timeout
		 * @return this builder
		 */
		Builder toolExecution(ToolExecutionOptions options);

		/**
		 * Set what the model sees when a tool call fails and errors go back to the model;
		 * {@link ToolErrorConverter#neutral()} by default. Its text passes the secret
		 * redactor.
		 * @param converter the converter
		 * @return this builder
		 */
		Builder toolErrorConverter(ToolErrorConverter converter);

		/**
		 * Set the listener that wraps every tool execution (e.g. for metrics).
		 * @param listener the listener
		 * @return this builder
		 */
		Builder toolExecutionListener(ToolExecutionListener listener);

		/**
		 * Add a listener told of every retry (e.g. for metrics). Listeners added before,
		 * such as the retry counter of the auto-configuration, keep being told.
		 * @param listener the listener
		 * @return this builder
		 */
		Builder retryListener(RetryListener listener);

		/**
		 * Set the registry that observes every model call (chat, stream, models, images)
		 * and tool execution, for metrics and tracing; see
		 * {@link dev.chatstarter.core.observation}.
		 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP}
		 * (observe nothing, at no cost) by default
		 * @return this builder
		 */
		Builder observationRegistry(ObservationRegistry observationRegistry);

		/**
		 * Set the convention that names and tags the observations of model calls.
		 * @param convention the convention; the registry's global one or
		 * {@link dev.chatstarter.core.observation.DefaultChatObservationConvention} by
		 * default
		 * @return this builder
		 */
		Builder observationConvention(ChatObservationConvention convention);

		/**
		 * Set the convention that names and tags the observations of tool executions.
		 * @param convention the convention; the registry's global one or
		 * {@link dev.chatstarter.core.observation.DefaultToolObservationConvention} by
		 * default
		 * @return this builder
		 */
		Builder toolObservationConvention(ToolObservationConvention convention);

		/**
		 * Set the largest answer accepted: a whole JSON body, or one event of a stream.
		 * Larger answers fail with a
		 * {@link dev.chatstarter.core.error.ChatMalformedResponseException}. The default
		 * is 16 MB.
		 * @param maxResponseSize the limit
		 * @return this builder
		 */
		Builder maxResponseSize(DataSize maxResponseSize);

		/**
		 * Set the largest total of one streamed answer: its text, reasoning, tool-call
		 * arguments and log probabilities, each choice and tool call counting a few bytes
		 * more (see {@link dev.chatstarter.core.internal.wire.StreamSizeLimit}). A larger
		 * stream is cancelled, which closes its connection, and fails with a
		 * {@link dev.chatstarter.core.error.ChatResponseTooLargeException}. Each round of
		 * a tool-call loop is one stream. The default is 16 MB.
		 * @param maxStreamSize the limit
		 * @return this builder
		 */
		Builder maxStreamSize(DataSize maxStreamSize);

		/**
		 * Set the longest a whole call may take: every retry, fallback and tool round,
		 * and the whole of a stream, for blocking, reactive and streaming calls alike.
		 * When it passes, the call is cancelled (its connection closed) and fails with a
		 * {@link dev.chatstarter.core.error.ChatTimeoutException}. A call overrides it
		 * with {@link PromptSpec#timeout(Duration)}. None by default, so that a long
		 * healthy stream is never cut.
		 * @param timeout the timeout, or {@code null} for none
		 * @return this builder
		 */
		Builder callTimeout(@Nullable Duration timeout);

		/**
		 * Set the templates a call falls back to, in order, when this provider fails
		 * (after its own retries) with a failure the
		 * {@link #fallbackOn(FallbackTrigger...) triggers} name, or is cooling down. Each
		 * fallback gets the request with its own model and default options; the options
		 * set per call stay. A stream fails over only before its first chunk. The
		 * fallbacks' own fallbacks are not followed.
		 * @param fallbacks templates built by {@link ChatTemplate#builder()}
		 * @return this builder
		 */
		Builder fallback(ChatTemplate... fallbacks);

		/**
		 * Set which failures send a call on to the next fallback. The default is every
		 * trigger.
		 * @param triggers the triggers
		 * @return this builder
		 */
		Builder fallbackOn(FallbackTrigger... triggers);

		/**
		 * Add a listener told of every fallback from this provider to the next of its
		 * chain (e.g. for metrics). Listeners added before, such as the fallback counter
		 * of the auto-configuration, keep being told.
		 * @param listener the listener
		 * @return this builder
		 */
		Builder fallbackListener(FallbackListener listener);

		/**
		 * Set when this provider cools down (is skipped by fallback chains) after
		 * repeated failures. The default is {@link CooldownPolicy#defaults()}: 3 failures
		 * within 60 s, then 5 s.
		 * @param policy the policy
		 * @return this builder
		 */
		Builder cooldown(CooldownPolicy policy);

		/**
		 * Set client-side limits of this provider: concurrent requests, requests and
		 * tokens per minute. A call over a limit fails with a
		 * {@link dev.chatstarter.core.error.ChatLimitExceededException} (a fallback chain
		 * moves on) or waits, as the limits say. The default is
		 * {@link ProviderLimits#none()}.
		 * @param limits the limits
		 * @return this builder
		 */
		Builder limits(ProviderLimits limits);

		/**
		 * Set the connection pool the template creates for its provider. The default,
		 * {@link ConnectionPoolSettings#defaults()}, grows with the application's
		 * concurrency and closes connections idle for 30 s. The template owns the pool
		 * and disposes of it on {@link ChatTemplate#close()}; templates made by
		 * {@link ChatTemplate#mutate()} share it.
		 * @param connectionPool the pool settings
		 * @return this builder
		 */
		Builder connectionPool(ConnectionPoolSettings connectionPool);

		/**
		 * Use an existing connection pool instead of creating one, e.g. to share one pool
		 * between providers. The caller owns the pool and disposes of it;
		 * {@link ChatTemplate#close()} leaves it open.
		 * @param connectionProvider the pool
		 * @return this builder
		 */
		Builder connectionProvider(ConnectionProvider connectionProvider);

		/**
		 * Set the clock of cooldowns and limits (for tests). The default is the system
		 * clock.
		 * @param clock the clock
		 * @return this builder
		 */
		Builder clock(InstantSource clock);

		/**
		 * Apply a group of settings, e.g. one shared by several templates, as
		 * {@code RestClient.Builder.apply} does.
		 * @param configurer configures this builder
		 * @return this builder
		 */
		default Builder apply(Consumer<Builder> configurer) {
			configurer.accept(this);
			return this;
		}

		/**
		 * Build the template.
		 * @return the template
		 * @throws IllegalArgumentException if the settings are invalid (e.g. no base URL)
		 */
		ChatTemplate build();

	}

}
