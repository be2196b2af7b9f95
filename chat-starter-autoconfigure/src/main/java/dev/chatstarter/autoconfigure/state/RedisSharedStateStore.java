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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;
import reactor.core.publisher.Mono;

import dev.chatstarter.core.state.SharedAdmission;
import dev.chatstarter.core.state.SharedLimits;
import dev.chatstarter.core.state.SharedStateStore;

/**
 * A {@link SharedStateStore} on Redis, through Spring Data Redis's reactive template over
 * the application's own connection (Lettuce): nothing blocks a thread. Admitting a call
 * is one Lua script (a sliding-minute log of requests, a token bucket and expiring
 * concurrency leases, checked and counted atomically on the server's clock); ending it is
 * another. The keys of a scope share one hash tag, {@code <prefix>:{<scope>}:…}.
 * <p>
 * Why scripts: the three limits must be checked and counted in one atomic step and one
 * round trip, or replicas admitted between a check and its count overshoot the limit.
 * Bucket4j's Redis integration covers a token bucket alone, by a read and a
 * compare-and-swap (two round trips), and has no expiring leases; Redisson's
 * {@code PermitExpirableSemaphore} needs a second Redis client and connection set-up. The
 * scripts are short and each step is commented.
 */
public final class RedisSharedStateStore implements SharedStateStore {

	private static final RedisScript<List> ADMIT = script("admit.lua", List.class);

	private static final RedisScript<Long> RELEASE = script("release.lua", Long.class);

	private static final RedisScript<Long> RENEW = script("renew.lua", Long.class);

	private static final RedisScript<String> SPEND = script("spend.lua", String.class);

	private final ReactiveStringRedisTemplate redis;

	private final String prefix;

	/**
	 * Create a store.
	 * @param redis the template over the application's Redis connection
	 * @param prefix the prefix of every key the store writes
	 */
	public RedisSharedStateStore(ReactiveStringRedisTemplate redis, String prefix) {
		Assert.notNull(redis, "redis must not be null");
		Assert.hasText(prefix, "prefix must not be empty");
		this.redis = redis;
		this.prefix = prefix;
	}

	@Override
	public Mono<SharedAdmission> admit(SharedLimits limits, String leaseId) {
		List<String> keys = List.of(key(limits.scope(), "requests"), key(limits.scope(), "leases"),
				key(limits.scope(), "tokens"));
		List<String> args = List.of(Integer.toString(limits.requestsPerMinute()),
				Integer.toString(limits.maxConcurrentRequests()), Long.toString(limits.tokensPerMinute()),
				Long.toString(limits.leaseTime().toMillis()), leaseId);
		return this.redis.execute(ADMIT, keys, args).next().map((reply) -> admission(reply, leaseId));
	}

	private static SharedAdmission admission(List<?> reply, String leaseId) {
		double headroom = number(reply.get(3)) / 1000.0;
		if (number(reply.get(0)) == 1) {
			return SharedAdmission.granted(leaseId, headroom);
		}
		long retryAfter = number(reply.get(2));
		return SharedAdmission.refused(leaseId, String.valueOf(reply.get(1)),
				(retryAfter >= 0) ? Duration.ofMillis(retryAfter) : null);
	}

	@Override
	public Mono<Void> release(SharedLimits limits, Collection<String> leaseIds, long tokens) {
		List<String> keys = List.of(key(limits.scope(), "leases"), key(limits.scope(), "tokens"));
		List<String> args = new ArrayList<>(leaseIds.size() + 2);
		args.add(Long.toString(tokens));
		args.add(Long.toString(limits.tokensPerMinute()));
		args.addAll(leaseIds);
		return this.redis.execute(RELEASE, keys, args).then();
	}

	@Override
	public Mono<Void> renew(String scope, Collection<String> leaseIds, Duration leaseTime) {
		List<String> args = new ArrayList<>(leaseIds.size() + 1);
		args.add(Long.toString(leaseTime.toMillis()));
		args.addAll(leaseIds);
		return this.redis.execute(RENEW, List.of(key(scope, "leases")), args).then();
	}

	@Override
	public Mono<Void> mark(String name, Instant until) {
		long ttl = until.toEpochMilli() - System.currentTimeMillis();
		String key = markKey(name);
		return (ttl > 0)
				? this.redis.opsForValue().set(key, Long.toString(until.toEpochMilli()), Duration.ofMillis(ttl)).then()
				: this.redis.delete(key).then();
	}

	@Override
	public Mono<Map<String, Instant>> marks(Collection<String> names) {
		return values(names, this::markKey, (value) -> Instant.ofEpochMilli(Long.parseLong(value)));
	}

	@Override
	public Mono<BigDecimal> addSpend(String budget, BigDecimal amount, Instant expiresAt) {
		return this.redis
			.execute(SPEND, List.of(spendKey(budget)),
					List.of(amount.toPlainString(), Long.toString(expiresAt.toEpochMilli())))
			.next()
			.map(BigDecimal::new);
	}

	@Override
	public Mono<Map<String, BigDecimal>> spends(Collection<String> budgets) {
		return values(budgets, this::spendKey, BigDecimal::new);
	}

	/**
	 * Read the values of several keys in one {@code MGET}.
	 * @param <T> the type of the values
	 * @param names the names the keys are made of
	 * @param key makes a name's key
	 * @param parse parses a value
	 * @return the values that are set, by name
	 */
	private <T> Mono<Map<String, T>> values(Collection<String> names, Function<String, String> key,
			Function<String, T> parse) {
		List<String> ordered = List.copyOf(names);
		return this.redis.opsForValue().multiGet(ordered.stream().map(key).toList()).map((values) -> {
			Map<String, T> found = new LinkedHashMap<>();
			for (int i = 0; i < ordered.size(); i++) {
				String value = values.get(i);
				if (value != null) {
					found.put(ordered.get(i), parse.apply(value));
				}
			}
			return found;
		});
	}

	@Override
	public Mono<Void> ping() {
		return this.redis.execute((connection) -> connection.ping()).then();
	}

	private String key(String scope, String part) {
		return this.prefix + ":{" + scope + "}:" + part;
	}

	private String spendKey(String budget) {
		return this.prefix + ":spend:" + budget;
	}

	private String markKey(String name) {
		return this.prefix + ":mark:" + name;
	}

	private static long number(Object value) {
		return Long.parseLong(String.valueOf(value));
	}

	/**
	 * Load a script once, when the class loads, so that no call reads a file (on an event
	 * loop) to run it or to compute its SHA-1.
	 * @param <T> the type of the script's result
	 * @param name the script's file, beside this class
	 * @param resultType the type of the script's result
	 * @return the script
	 */
	private static <T> RedisScript<T> script(String name, Class<T> resultType) {
		try (InputStream in = new ClassPathResource(name, RedisSharedStateStore.class).getInputStream()) {
			return RedisScript.of(StreamUtils.copyToString(in, StandardCharsets.UTF_8), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the Redis script " + name, ex);
		}
	}

	@Override
	public String toString() {
		return "RedisSharedStateStore[prefix=" + this.prefix + "]";
	}

}
