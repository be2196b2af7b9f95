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

package dev.chatstarter.autoconfigure.state;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.ChatTemplate;
import dev.chatstarter.core.error.ChatBudgetExceededException;
import dev.chatstarter.core.error.ChatLimitExceededException;
import dev.chatstarter.core.resilience.CooldownState;
import dev.chatstarter.core.state.SharedState;
import dev.chatstarter.test.FakeChatServer;
import dev.chatstarter.test.FakeResponse;
import dev.chatstarter.test.RecordedRequest;
import dev.chatstarter.test.junit.RedisServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Three replicas, each its own application context with its own Redis connection, share
 * one real {@code redis-server}: limits hold for all of them, a dead replica's permits
 * return, keys and cooldowns found bad by one are skipped by the others, their spend adds
 * up to one budget, and calls go on while Redis is down.
 */
class SharedStateApplicationTests {

	@RegisterExtension
	static RedisServerExtension redis = new RedisServerExtension();

	private final FakeChatServer provider = new FakeChatServer().start();

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	@AfterEach
	void stop() {
		this.replicas.forEach(ConfigurableApplicationContext::close);
		this.provider.close();
		redis.server().restart();
	}

	@Test
	void threeReplicasTogetherStayWithinOneRequestsPerMinuteLimit() {
		List<ChatTemplate> templates = startReplicas(3, "chat.providers.relay.limits.requests-per-minute=60");
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		Flux.fromIterable(templates)
			.flatMap((template) -> Flux.range(0, 40)
				.flatMap((i) -> template.prompt("hi")
					.call()
					.contentMono()
					.doOnNext((content) -> answered.incrementAndGet())
					.onErrorResume(ChatLimitExceededException.class, (ex) -> {
						refused.incrementAndGet();
						return Mono.empty();
					}), 8))
			.blockLast(Duration.ofSeconds(30));
		assertThat(this.provider.requestCount()).as("requests the provider saw within the minute").isEqualTo(60);
		assertThat(answered.get()).isEqualTo(60);
		assertThat(refused.get()).isEqualTo(60);
	}

	@Test
	void aRouteDeploymentsOwnLimitHoldsForTheReplicasTogether() {
		String route = "chat.routes.smart.";
		startReplicas(2, "chat.default-provider=relay", route + "strategy=round-robin",
				route + "deployments[0].provider=relay", route + "deployments[0].model=big",
				route + "deployments[0].limits.requests-per-minute=3", route + "deployments[1].provider=relay",
				route + "deployments[1].model=small");
		for (ConfigurableApplicationContext replica : this.replicas) {
			ChatTemplate smart = replica.getBean("smart", ChatTemplate.class);
			for (int i = 0; i < 5; i++) {
				assertThat(smart.prompt("hi").call().content()).isNotEmpty();
			}
		}
		assertThat(this.provider.requests()).filteredOn((request) -> request.body().contains("\"model\":\"big\""))
			.as("round-robin sends 3 of each replica's 5 calls to big, but big takes 3 a minute in all")
			.hasSize(3);
		assertThat(this.provider.requestCount()).isEqualTo(10);
	}

	@Test
	void concurrencyPermitsOfAKilledReplicaReturnWithinTheLeaseTime() throws Exception {
		this.provider.responder((request) -> request.lastUserMessage().equals("hold")
				? FakeResponse.stream("never ends").delay(Duration.ofMinutes(5)) : FakeResponse.text("answered"));
		String limit = "chat.providers.relay.limits.max-concurrent-requests=2";
		Process killed = startReplicaProcess(2, limit);
		try {
			ChatTemplate survivor = startReplicas(1, limit).get(0);
			assertThat(callOutcome(survivor)).as("while the other replica holds both permits").isEqualTo("refused");
			killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			long killedAt = System.nanoTime();
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> callOutcome(survivor).equals("answered"));
			Duration returned = Duration.ofNanos(System.nanoTime() - killedAt);
			assertThat(returned).as("permits returned after the lease time (2s)")
				.isLessThanOrEqualTo(Duration.ofMillis(2500));
		}
		finally {
			killed.destroyForcibly();
		}
	}

	@Test
	void aKeyTakenOutByOneReplicaIsSkippedByTheOthers() {
		this.provider.responder((request) -> "sk-rejected-0123456789".equals(request.bearerToken())
				? FakeResponse.openAiError(401, "Incorrect API key provided") : FakeResponse.text("answered"));
		List<ChatTemplate> templates = startReplicas(3,
				"chat.providers.relay.api-keys=sk-rejected-0123456789,sk-accepted-0123456789",
				"chat.providers.relay.api-key=");
		assertThat(templates.get(0).prompt("hi").call().content()).isEqualTo("answered");
		assertThat(rejectedKeyRequests()).hasSize(1);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> templates.get(1).keyPoolState().disabled() == 1
					&& templates.get(2).keyPoolState().disabled() == 1);
		for (int i = 0; i < 6; i++) {
			assertThat(templates.get(1 + i % 2).prompt("hi").call().content()).isEqualTo("answered");
		}
		assertThat(rejectedKeyRequests()).as("the other replicas never sent the rejected key").hasSize(1);
	}

	@Test
	void aCooldownOpenedByOneReplicaIsKeptByTheOthers() {
		this.provider.responder((request) -> FakeResponse.openAiError(503, "overloaded"));
		List<ChatTemplate> templates = startReplicas(3, "chat.providers.relay.cooldown.failures=2",
				"chat.providers.relay.cooldown.duration=30s", "chat.providers.relay.retry.max-attempts=1");
		for (int i = 0; i < 2; i++) {
			assertThat(callOutcome(templates.get(0))).isEqualTo("failed");
		}
		assertThat(templates.get(0).cooldownState()).isEqualTo(CooldownState.OPEN);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> templates.get(1).cooldownState() == CooldownState.OPEN
					&& templates.get(2).cooldownState() == CooldownState.OPEN);
	}

	@Test
	void theSpendOfThreeReplicasAddsUpToOneBudgetAndTheNextCallFails() {
		this.provider.responder((request) -> FakeResponse.text("answered", 1000, 1000));
		List<ChatTemplate> templates = startReplicas(3, "chat.providers.relay.pricing.demo-chat.input=1",
				"chat.providers.relay.pricing.demo-chat.output=4", "chat.providers.relay.budget.limit=0.05");
		for (int call = 1; call <= 10; call++) {
			assertThat(templates.get(call % 3).prompt("hi").call().response().cost()).isEqualByComparingTo("0.005");
			BigDecimal spent = new BigDecimal("0.005").multiply(BigDecimal.valueOf(call));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> templates.stream()
					.allMatch((template) -> template.budgetState().spent().compareTo(spent) == 0));
		}
		for (ChatTemplate template : templates) {
			assertThat(template.budgetState().remaining()).isZero();
			assertThatExceptionOfType(ChatBudgetExceededException.class)
				.isThrownBy(() -> template.prompt("hi").call().content());
		}
		assertThat(this.provider.requestCount()).isEqualTo(10);
	}

	@Test
	void whileRedisIsDownCallsGoOnUnderLocalLimitsAndSharedLimitsResumeWhenItIsBack() {
		List<ChatTemplate> templates = startReplicas(2, "chat.providers.relay.limits.requests-per-minute=10");
		SharedState state = this.replicas.get(0).getBean(SharedState.class);
		redis.server().stop();
		assertThat(callOutcome(templates.get(0))).as("decided locally").isEqualTo("answered");
		await().atMost(Duration.ofSeconds(5)).until(() -> !state.isAvailable());
		assertThat(sharedStateHealth(0).getStatus()).isEqualTo(Status.DOWN);
		assertThat(sharedStateHealth(0).getDetails()).containsKey("unavailableSince").containsKey("error");
		for (int i = 0; i < 9; i++) {
			assertThat(callOutcome(templates.get(0))).as("each replica's own limit of 10").isEqualTo("answered");
		}
		assertThat(callOutcome(templates.get(0))).isEqualTo("refused");
		assertThat(state.status().localDecisions()).isGreaterThanOrEqualTo(10);
		redis.server().restart();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.replicas.stream()
				.allMatch((replica) -> replica.getBean(SharedState.class).isAvailable()));
		assertThat(sharedStateHealth(0).getStatus()).isEqualTo(Status.UP);
		int answered = 0;
		for (int i = 0; i < 12; i++) {
			answered += callOutcome(templates.get(1 - i % 2)).equals("answered") ? 1 : 0;
		}
		assertThat(answered).as("one shared limit of 10 again, for both replicas").isEqualTo(10);
	}

	private List<ChatTemplate> startReplicas(int count, String... properties) {
		List<ChatTemplate> templates = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			List<String> all = new ArrayList<>(List.of(properties));
			all.add("chat.providers.relay.base-url=" + this.provider.baseUrl());
			if (all.stream().noneMatch((property) -> property.startsWith("chat.providers.relay.api-key"))) {
				all.add("chat.providers.relay.api-key=sk-relay-0123456789");
			}
			ConfigurableApplicationContext replica = SharedStateReplica.start(redis.server(),
					all.toArray(String[]::new));
			this.replicas.add(replica);
			templates.add(replica.getBean(ChatTemplate.class));
		}
		return templates;
	}

	private Process startReplicaProcess(int streams, String... properties) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
						SharedStateReplica.class.getName(), Integer.toString(redis.server().port()),
						Integer.toString(streams), "chat.providers.relay.base-url=" + this.provider.baseUrl(),
						"chat.providers.relay.api-key=sk-relay-0123456789"));
		command.addAll(List.of(properties));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = output.readLine()) != null && !line.equals("HOLDING")) {
			lines.add(line);
		}
		assertThat(line).as("the replica process holds its permits; it printed %s", lines).isEqualTo("HOLDING");
		Thread drain = new Thread(() -> output.lines().forEach((ignored) -> {
		}));
		drain.setDaemon(true);
		drain.start();
		return process;
	}

	private List<RecordedRequest> rejectedKeyRequests() {
		return this.provider.requests()
			.stream()
			.filter((request) -> "sk-rejected-0123456789".equals(request.bearerToken()))
			.toList();
	}

	private Health sharedStateHealth(int replica) {
		CompositeReactiveHealthContributor chat = this.replicas.get(replica)
			.getBean("chatHealthContributor", CompositeReactiveHealthContributor.class);
		return ((ReactiveHealthIndicator) chat.getContributor("sharedState")).health().block(Duration.ofSeconds(5));
	}

	private static String callOutcome(ChatTemplate template) {
		try {
			template.prompt("hi").call().content();
			return "answered";
		}
		catch (ChatLimitExceededException ex) {
			return "refused";
		}
		catch (RuntimeException ex) {
			return "failed";
		}
	}

}
