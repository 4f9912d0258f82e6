/** JMH benchmarks; run them with {@code bench/run} from the repository root. */
package org.eurosec.bench;
