/**
 * The structured answer of the /solve endpoint.
 */
@NullMarked
package dev.chatstarter.sample.math;

import org.jspecify.annotations.NullMarked;
