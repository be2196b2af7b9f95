package dev.chatstarter.core.http;

import org.jspecify.annotations.Nullable;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.util.Assert;

/**
 * The connection pool of a provider: either created from {@link ConnectionPoolSettings} when the first request needs
 * it (Reactor Netty's pool and HTTP stack take a few hundred milliseconds to load, which start-up need not pay), or
 * one the caller made and manages. Thread-safe.
 */
public final class ConnectionPool {

	private final @Nullable String name;

	private final @Nullable ConnectionPoolSettings settings;

	private volatile @Nullable ConnectionProvider provider;

	private ConnectionPool(@Nullable String name, @Nullable ConnectionPoolSettings settings,
			@Nullable ConnectionProvider provider) {
		this.name = name;
		this.settings = settings;
		this.provider = provider;
	}

	/**
	 * A pool created from settings on first use.
	 * @param name the pool's name, in Reactor Netty's metrics and logs
	 * @param settings the pool's limits
	 * @return the pool
	 */
	public static ConnectionPool onFirstUse(String name, ConnectionPoolSettings settings) {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(settings, "settings must not be null");
		return new ConnectionPool(name, settings, null);
	}

	/**
	 * A pool the caller made.
	 * @param provider the caller's connection provider
	 * @return the pool
	 */
	public static ConnectionPool of(ConnectionProvider provider) {
		Assert.notNull(provider, "provider must not be null");
		return new ConnectionPool(null, null, provider);
	}

	/**
	 * Return the connection provider, creating it on the first call.
	 * @return the connection provider
	 */
	public ConnectionProvider get() {
		ConnectionProvider provider = this.provider;
		if (provider == null) {
			synchronized (this) {
				provider = this.provider;
				if (provider == null) {
					Assert.state(this.name != null && this.settings != null, "A caller's pool is always set");
					provider = this.settings.create(this.name);
					this.provider = provider;
				}
			}
		}
		return provider;
	}

	/**
	 * Whether the connection provider exists yet.
	 * @return {@code true} once {@link #get()} was called, or for a caller's pool
	 */
	public boolean isCreated() {
		return this.provider != null;
	}

	/**
	 * Close the pool's connections, if it was created.
	 */
	public synchronized void dispose() {
		ConnectionProvider provider = this.provider;
		if (provider != null) {
			provider.dispose();
		}
	}

}
