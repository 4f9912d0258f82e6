/**
 * The HTTP API (Javalin): exercises served to their delegations, depositary and observers, each
 * call authenticated by a bearer credential, every refusal a 4xx JSON error naming the field.
 * The rules are core's; the persistence is the store's.
 */
package org.eurosec.server;
