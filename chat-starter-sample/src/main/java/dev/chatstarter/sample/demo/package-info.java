/**
 * The embedded offline demo provider, started when no real provider is configured.
 */
@NullMarked
package dev.chatstarter.sample.demo;

import org.jspecify.annotations.NullMarked;
