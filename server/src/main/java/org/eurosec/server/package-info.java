/**
 * The HTTP API (Javalin) and the web page. Exercises are served to their delegations, depositary
 * and observers, each call authenticated by a bearer credential, every refusal a 4xx JSON error
 * naming the field. The analyses are the application layer's questions
 * ({@link org.eurosec.query.Questions}), answered by {@link org.eurosec.server.QuestionRoutes} with the
 * parameters each question lists; their OpenAPI description is made from the same list ({@link org.eurosec.server.OpenApi}). The page (resources {@code eurosec/web}) and d3 (its
 * WebJar) are static files from the jar. The rules are core's; the persistence is the store's. The
 * mechanism's refusals become HTTP statuses in one table ({@link org.eurosec.server.RefusalStatus})
 * and its procedures JSON in one place ({@link org.eurosec.server.ProcedureJson}).
 */
package org.eurosec.server;
