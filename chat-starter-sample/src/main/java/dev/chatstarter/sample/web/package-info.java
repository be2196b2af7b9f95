/**
 * The sample's HTTP endpoints and their problem responses.
 */
@NullMarked
package dev.chatstarter.sample.web;

import org.jspecify.annotations.NullMarked;
